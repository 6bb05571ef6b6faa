import 'reflect-metadata';
import { runMain, runStandalone } from '../kit';
import { drugsSubgraph } from './index';

runMain(() => runStandalone(drugsSubgraph));

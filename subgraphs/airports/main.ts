import 'reflect-metadata';
import { runMain, runStandalone } from '../kit';
import { airportsSubgraph } from './index';

runMain(() => runStandalone(airportsSubgraph));

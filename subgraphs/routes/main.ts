import 'reflect-metadata';
import { runMain, runStandalone } from '../kit';
import { routesSubgraph } from './index';

runMain(() => runStandalone(routesSubgraph));

import { runMain, runStandalone } from '../kit';
import { customsSubgraph } from './index';

runMain(() => runStandalone(customsSubgraph));

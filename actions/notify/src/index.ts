import { runStep } from '../../../lib/action.js';
import { main } from './main.js';

await runStep(main);

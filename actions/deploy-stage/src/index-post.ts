import { runStep } from '../../../lib/action.js';
import { post } from './post.js';

await runStep(post);

export { classifyEmotion } from './classify.ts';
export { readEmotion } from './readEmotion.ts';

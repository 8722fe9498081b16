/** Mocha root hooks: the shared Azurite stops once, after every file; every card the bot sent is checked. */
import { mochaHooks as storageHooks } from './azurite';
import { cardCheckHooks } from './card-check';

export const mochaHooks = { ...storageHooks, ...cardCheckHooks };

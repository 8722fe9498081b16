/** Mocha root hooks: the shared Azurite stops once, after every file. */
export { mochaHooks } from './azurite';

/** The echo floor as its own process (bot/bench-echo.ts), started and measured like the bot. */
import { startEchoBot } from '../bot/bench-echo';

startEchoBot()
  .then(({ port }) => process.send?.({ type: 'ready', port }))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

process.on('message', (m: { type: string }) => {
  if (m.type === 'exit') process.exit(0);
});

import { startPlayground } from './test/browser/support/playground';
(async () => {
  for (const who of ['Ben Ortiz', 'Eleanor Price']) {
    try { const p = await startPlayground('http://127.0.0.1:9/api/messages', who); console.log('ok', who); await p.stop(); } catch (e) { console.log(who, String(e).slice(0, 300)); }
  }
})();

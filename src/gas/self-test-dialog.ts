/**
 * The dialog of "Check this spreadsheet". Static HTML: results are put in with textContent,
 * never as HTML. Its script makes the one check that needs the browser (a google.script.run
 * call with an undefined argument), then asks the server for the others.
 */

export const SELF_TEST_TITLE = 'Ladder: check this spreadsheet';

export const SELF_TEST_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><base target="_top">
<style>
body{font:14px/1.45 Arial,sans-serif;color:#202124;margin:12px}
li{margin:0 0 8px}.pass{color:#137333}.fail{color:#c5221f}
textarea{width:100%;height:7em;font:12px monospace}
</style></head><body>
<p id="status" role="status">Checking… this takes up to a minute.</p>
<ul id="results"></ul>
<div id="report" hidden>
<p>If a check failed, send this list to whoever set Ladder up for your team: it says what Sheets did here.</p>
<label for="copy">Results to copy</label>
<textarea id="copy" readonly></textarea>
</div>
<script>
(function () {
  var run = google.script.run;
  var status = document.getElementById('status');
  function show(list) {
    var ul = document.getElementById('results');
    var lines = [];
    list.forEach(function (result) {
      var li = document.createElement('li');
      var mark = document.createElement('strong');
      mark.className = result.passed ? 'pass' : 'fail';
      mark.textContent = result.passed ? 'Passed: ' : 'Failed: ';
      li.appendChild(mark);
      li.appendChild(document.createTextNode(result.name + '. ' + result.detail));
      ul.appendChild(li);
      lines.push((result.passed ? 'PASS ' : 'FAIL ') + result.name + ': ' + result.detail);
    });
    var failed = list.filter(function (result) { return !result.passed; }).length;
    status.textContent = failed === 0 ? 'Every check passed.' : failed + ' of ' + list.length + ' checks failed.';
    document.getElementById('copy').value = lines.join('\\n');
    document.getElementById('report').hidden = false;
  }
  function failed(error) {
    status.textContent = 'The check could not run: ' + (error && error.message ? error.message : String(error));
  }
  run.withSuccessHandler(function (arrived) {
    var first = {
      name: 'A call with no argument arrives as "no input"',
      passed: arrived === 'null' || arrived === 'undefined',
      detail: 'It arrived as ' + arrived + '.'
    };
    run.withSuccessHandler(function (list) { show([first].concat(list)); }).withFailureHandler(failed).ladderSelfTestRun();
  }).withFailureHandler(failed).ladderSelfTestEcho(undefined);
})();
</script></body></html>`;

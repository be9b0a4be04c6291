// Process-wide cleanup registry: child servers and temporary directories are
// released on normal exit, on error and on Ctrl-C / SIGTERM.
// Every registered function must be synchronous (it may run from an 'exit' handler).

const tasks = [];
let installed = false;

export function onCleanup(fn) {
  install();
  const task = { fn, done: false };
  tasks.push(task);
  // Returns a function that runs this task now (at most once).
  return () => runTask(task);
}

function runTask(task) {
  if (task.done) return;
  task.done = true;
  try {
    task.fn();
  } catch (err) {
    process.stderr.write(`cleanup: ${err.message}\n`);
  }
}

export function runCleanups() {
  // Last registered, first released.
  for (let i = tasks.length - 1; i >= 0; i--) runTask(tasks[i]);
}

function install() {
  if (installed) return;
  installed = true;
  process.on('exit', runCleanups);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal} reçu : arrêt des serveurs et nettoyage…\n`);
      runCleanups();
      process.exit(code);
    });
  }
}

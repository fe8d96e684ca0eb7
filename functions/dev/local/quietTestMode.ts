// Outside the Functions host, @azure/functions runs in "test mode" and warns once per trigger
// that it registers nothing. Locally that is expected (the local host calls the handlers itself),
// so those lines, and only those, are dropped. Import this before any trigger module.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const first = args[0];
  if (
    typeof first === 'string' &&
    first.startsWith('WARNING: ') &&
    first.includes('"@azure/functions" package')
  )
    return;
  warn(...args);
};

/*
 * A page's state kept in its address (pure: the page hands in its history
 * and location). history.replaceState is slow, and a burst of changes (a
 * paste, typing, a script) needs only its last state: the address follows
 * once per burst, after the change that started it has run.
 *
 *   const keep = addressKeeper(history, location, () => toQuery(state));
 *   keep(); // after each change
 *
 * query() returns "?..." or "" (no query: the page's bare path). The hash
 * stays as it is.
 */

/** A function that runs write once, at the end of the burst it is called in. */
export function oncePerBurst(write, later = queueMicrotask) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    later(() => {
      pending = false;
      write();
    });
  };
}

/** A function that writes query() into the address once per burst of calls. */
export function addressKeeper(history, location, query) {
  return oncePerBurst(() => {
    const address = query() || location.pathname;
    history.replaceState(history.state, "", address + location.hash);
  });
}

import "@remix-run/node";

// Single fetch is on (remix.config.js): loaders and actions return plain data,
// and these types follow suit.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

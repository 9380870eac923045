import { buildSite } from "../support/site-build";

/** The fault tests run the production server as a child process: it needs the build. */
export default function setup() {
  buildSite();
}

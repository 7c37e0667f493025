// npm install's prepare step: build the portals so the first `npm start` is quick.
import { buildWeb, webIsStale } from './build-web.mjs';
if (webIsStale() && !buildWeb()) {
  console.warn('web build failed; `npm start` will try again');
}

// Runs the dashboard's feed model (src/main/resources/dashboard/feed.js, the file the browser loads) on frames the
// Java test made, and prints the rows it gives (DashboardFeedModelTest). Usage: node feed-model.mjs FEED_JS FRAMES.json
// where FRAMES.json is [{data: "<an SSE data line's JSON>", seq: N, key: "<stream key>"}].
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const [feedJs, framesFile] = process.argv.slice(2);
const sandbox = {};
vm.runInNewContext(readFileSync(feedJs, 'utf8'), sandbox, { filename: feedJs });
const feed = sandbox.SikifansoFeed.createFeed();
const rows = JSON.parse(readFileSync(framesFile, 'utf8')).map((f) => feed.add(JSON.parse(f.data), f.seq, f.key));
console.log(JSON.stringify({ rows }));

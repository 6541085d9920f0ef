// A request-parsing loop over Node's own JavaScript standard library (legacy url.parse, querystring,
// path, util.format, JSON, Buffer/base64). The injected slowdown: NODE_SLOW percent of the requests
// parse their URL a second time, so url.parse and the code under it do that much more work.
'use strict';
const url = require('url');
const querystring = require('querystring');
const path = require('path');
const util = require('util');

const seconds = Number(process.argv[2] || 5);
const slow = Number(process.env.NODE_SLOW || 0) / 100;
const requests = [];
for (let i = 0; i < 200; i++) {
  requests.push(`https://user:pw@shop.example.com:8443/api/v${i % 3}/items/${i}/reviews?page=${i % 7}&sort=date&q=${encodeURIComponent('red shoes ' + i)}#top`);
}

let checksum = 0;
let slowCarry = 0;
const deadline = Date.now() + seconds * 1000;
while (Date.now() < deadline) {
  for (const href of requests) {
    const parsed = url.parse(href);
    slowCarry += slow;
    if (slowCarry >= 1) {
      slowCarry -= 1;
      checksum += url.parse(href).pathname.length;
    }
    const query = querystring.parse(parsed.query);
    const file = path.resolve('/srv/www', '.' + parsed.pathname, '..', 'index.json');
    const line = util.format('%s %s page=%d %j', parsed.hostname, file, Number(query.page), query);
    const body = JSON.stringify({ line, query, auth: parsed.auth });
    checksum += Buffer.from(body).toString('base64').length + JSON.parse(body).line.length;
  }
}
process.stderr.write(`checksum ${checksum}\n`);

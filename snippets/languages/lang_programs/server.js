// The books endpoint in Node.js: the built-in node:http module. Usage: node server.js PORT
const http = require("node:http");

const BOOKS = new Map([[1, "Dune"], [2, "Kindred"], [3, "Neuromancer"]]);

function send(res, status, body) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const match = /^\/books\/(\d+)$/.exec(req.url);
  if (req.method !== "GET" || !match) {
    return send(res, 404, { error: "no such route" });
  }
  const id = Number(match[1]);
  if (!BOOKS.has(id)) {
    return send(res, 404, { error: "book not found" });
  }
  send(res, 200, { id: id, title: BOOKS.get(id) });
});

server.listen(Number(process.argv[2]), "127.0.0.1");

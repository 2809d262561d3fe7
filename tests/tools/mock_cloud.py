#!/usr/bin/env python3
"""A loopback stand-in for the GKE, Service Usage, EC2 and EKS APIs, for the export tests.

Usage: mock_cloud.py --log FILE [--port-file FILE]

Listens on 127.0.0.1 (a free port, printed on stdout as "PORT <n>" and written to
--port-file), answers what `gcloud container ...`, `aws ec2 create-placement-group` and
`aws eks update-kubeconfig` ask, and appends every request to --log as one JSON object per
line: {"method", "path", "query", "body"} with the body parsed (JSON, or a form for the
EC2 query API). Long-running GKE operations are RUNNING when created and DONE when polled, so
the client polls them. Needs only the Python standard library.
"""
import argparse
import base64
import json
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {"clusters": {}, "pools": {}, "ops": {}, "next": 1}
CA = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIBmock\n-----END CERTIFICATE-----\n").decode()


def operation(project, location, kind, target):
    with LOCK:
        name = "operation-%d" % STATE["next"]
        STATE["next"] += 1
        STATE["ops"][name] = 0
    base = "projects/%s/locations/%s" % (project, location)
    return {
        "name": name,
        "zone": location,
        "operationType": kind,
        "status": "RUNNING",
        "selfLink": "https://container.googleapis.com/v1/%s/operations/%s" % (base, name),
        "targetLink": "https://container.googleapis.com/v1/%s/%s" % (base, target),
        "startTime": "2026-01-01T00:00:00Z",
    }


def cluster_view(project, location, name):
    c = dict(STATE["clusters"].get((project, location, name), {"name": name}))
    c.update({
        "name": name,
        "location": location,
        "zone": location,
        "status": "RUNNING",
        "endpoint": "127.0.0.1",
        "currentMasterVersion": "1.34.1-gke.1000000",
        "currentNodeVersion": "1.34.1-gke.1000000",
        "masterAuth": {"clusterCaCertificate": CA},
        "selfLink": "https://container.googleapis.com/v1/projects/%s/locations/%s/clusters/%s"
                    % (project, location, name),
    })
    pools = [dict(p, status="RUNNING") for (pp, ll, cc, _), p in sorted(STATE["pools"].items())
             if (pp, ll, cc) == (project, location, name)]
    c["nodePools"] = pools
    return c


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the log file is the record
        pass

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        ctype = self.headers.get("Content-Type", "")
        if not raw:
            return raw, None
        if "json" in ctype:
            try:
                return raw, json.loads(raw)
            except ValueError:
                return raw, raw.decode("utf-8", "replace")
        if "x-www-form-urlencoded" in ctype:
            return raw, dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True))
        return raw, raw.decode("utf-8", "replace")

    def _send(self, code, payload, ctype="application/json"):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self, body):
        parsed = urllib.parse.urlsplit(self.path)
        entry = {"method": self.command, "path": parsed.path,
                 "query": dict(urllib.parse.parse_qsl(parsed.query)), "body": body}
        with LOCK, open(self.server.log_path, "a") as f:
            f.write(json.dumps(entry, sort_keys=True) + "\n")
        return parsed.path

    def _handle(self):
        _, body = self._body()
        path = self._record(body)
        m = self.command
        # --- Service Usage: "is the Kubernetes Engine API enabled?"
        mm = re.match(r"^/v1/projects/([^/]+)/services/([^/:]+)$", path)
        if mm and m == "GET":
            return self._send(200, {"name": "projects/%s/services/%s" % mm.groups(),
                                    "state": "ENABLED", "config": {"name": mm.group(2)}})
        # --- GKE
        mm = re.match(r"^/v1/projects/([^/]+)/locations/([^/]+)/(.*)$", path)
        if mm:
            project, location, rest = mm.groups()
            return self._gke(m, project, location, rest, body)
        # --- EKS (REST JSON)
        mm = re.match(r"^/clusters/([^/]+)$", path)
        if mm and m == "GET":
            name = mm.group(1)
            return self._send(200, {"cluster": {
                "name": name, "arn": "arn:aws:eks:us-east-1:000000000000:cluster/" + name,
                "endpoint": "https://127.0.0.1", "status": "ACTIVE", "version": "1.31",
                "certificateAuthority": {"data": CA}}})
        # --- EC2 (query API, form body)
        if m == "POST" and isinstance(body, dict) and "Action" in body:
            return self._ec2(body)
        return self._send(404, {"error": {"code": 404, "message": "mock: no route for %s %s" % (m, path),
                                          "status": "NOT_FOUND"}})

    def _gke(self, m, project, location, rest, body):
        mm = re.match(r"^operations/([^/]+)$", rest)
        if mm and m == "GET":
            name = mm.group(1)
            with LOCK:
                STATE["ops"][name] = STATE["ops"].get(name, 0) + 1   # times polled
            return self._send(200, {"name": name, "zone": location, "status": "DONE",
                                    "operationType": "CREATE", "endTime": "2026-01-01T00:01:00Z"})
        if rest == "clusters" and m == "POST":
            cluster = (body or {}).get("cluster", {})
            with LOCK:
                STATE["clusters"][(project, location, cluster.get("name"))] = cluster
            return self._send(200, operation(project, location, "CREATE_CLUSTER", "clusters/" + cluster.get("name", "")))
        mm = re.match(r"^clusters/([^/:]+)$", rest)
        if mm and m == "GET":
            with LOCK:
                view = cluster_view(project, location, mm.group(1))
            return self._send(200, view)
        mm = re.match(r"^clusters/([^/]+)/nodePools$", rest)
        if mm and m == "POST":
            pool = (body or {}).get("nodePool", {})
            with LOCK:
                STATE["pools"][(project, location, mm.group(1), pool.get("name"))] = pool
            return self._send(200, operation(project, location, "CREATE_NODE_POOL",
                                             "clusters/%s/nodePools/%s" % (mm.group(1), pool.get("name"))))
        mm = re.match(r"^clusters/([^/]+)/nodePools/([^/:]+)$", rest)
        if mm and m == "GET":
            with LOCK:
                pool = STATE["pools"].get((project, location, mm.group(1), mm.group(2)), {"name": mm.group(2)})
            return self._send(200, dict(pool, status="RUNNING"))
        if mm and m == "DELETE":
            with LOCK:
                STATE["pools"].pop((project, location, mm.group(1), mm.group(2)), None)
            return self._send(200, operation(project, location, "DELETE_NODE_POOL",
                                             "clusters/%s/nodePools/%s" % mm.groups()))
        return self._send(404, {"error": {"code": 404, "message": "mock: no GKE route for %s %s" % (m, rest),
                                          "status": "NOT_FOUND"}})

    def _ec2(self, form):
        action = form["Action"]
        ns = "http://ec2.amazonaws.com/doc/2016-11-15/"
        if action == "CreatePlacementGroup":
            xml = ('<CreatePlacementGroupResponse xmlns="%s"><requestId>mock-1</requestId><return>true</return>'
                   '<placementGroup><groupName>%s</groupName><state>available</state><strategy>%s</strategy>'
                   '<groupId>pg-0123456789abcdef0</groupId></placementGroup></CreatePlacementGroupResponse>'
                   % (ns, form.get("GroupName", ""), form.get("Strategy", "")))
            return self._send(200, xml.encode(), "text/xml")
        xml = ('<Response><Errors><Error><Code>InvalidAction</Code><Message>mock: %s</Message></Error></Errors>'
               '<RequestID>mock</RequestID></Response>' % action)
        return self._send(400, xml.encode(), "text/xml")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--log", required=True)
    ap.add_argument("--port-file")
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.log_path = args.log
    port = server.server_address[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        import os
        os.replace(args.port_file + ".tmp", args.port_file)
    print("PORT %d" % port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

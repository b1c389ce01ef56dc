#!/usr/bin/env python3
"""Writes functions/PcsAutomation.Functions/startup.order: the managed methods a cold start runs, in first-run order.

The Native AOT compiler lays methods out in this order (IlcOrderFile in PcsAutomation.Functions.csproj, whose comment
has the numbers), so the code a cold start runs sits in a few hundred contiguous KB instead of being spread over the
8 MB of code: fewer distinct pages to fault in. Names are the compiler's mangled method names; a name the compiler no
longer produces is ignored and a method missing from the list is laid out after the listed ones, so a stale file only
costs speed. Regenerate it when the start-up path changes:

    make bootstrap                                   # publishes artifacts/bootstrap/bootstrap and bootstrap.dbg
    python3 benchmarks/ColdStart/startup_order.py    # needs valgrind and binutils (nm, readelf); about a minute a handler
    make bootstrap                                   # the bootstrap laid out in the new order

For every handler of HandlerRegistry, Diagnostics first, the bootstrap runs under valgrind's lackey
(--trace-superblocks) with Lambda's environment (as benchmarks/ColdStart/LambdaEnvironment.cs sets it) against a
one-shot Runtime API on 127.0.0.1 that answers the first /next with a {} event; the start of every block of code run up
to its /response or /error is mapped to its method. Each handler adds the methods not listed yet, so what all of them
run comes first. A handler that calls AWS for {} has no AWS to reach: its init and what ran until then still count.
"""
import argparse
import bisect
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def handler_names():
    source = open(os.path.join(ROOT, "functions", "PcsAutomation.Functions", "HandlerRegistry.cs")).read()
    names = re.findall(r'\["(\w+)"\] = ', source)
    return ["Diagnostics"] + [n for n in names if n != "Diagnostics"]


def lambda_environment(handler, runtime_api, task_root):
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "en_US.UTF-8", "TZ": ":UTC",
        "LAMBDA_TASK_ROOT": task_root, "LAMBDA_RUNTIME_DIR": "/var/runtime",
        "AWS_LAMBDA_RUNTIME_API": runtime_api, "_HANDLER": handler,
        "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
        # dummy values of the right shape, never a real credential
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "startup-order-dummy-secret",
        "AWS_SESSION_TOKEN": "startup-order-dummy-session-token",
        "AWS_LAMBDA_FUNCTION_NAME": "pcs-automation-" + handler, "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256", "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/pcs-automation-" + handler,
        "AWS_LAMBDA_LOG_STREAM_NAME": "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
        "AWS_LAMBDA_LOG_FORMAT": "JSON", "AWS_LAMBDA_LOG_LEVEL": "INFO", "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
        "PCS_AUTOMATION_STACK_NAME": "pcs-automation", "PCS_AUTOMATION_MANAGED_TAG_KEY": "pcs-automation:managed",
        "PCS_AUTOMATION_MAINTENANCE_WINDOW": "sun:02:00-sun:06:00", "PCS_AUTOMATION_ROTATION_MAX_AGE": "90d",
        "PCS_AUTOMATION_BYO_LOGIN_TAG_KEY": "pcs-automation:byo-login-for",
        "PCS_AUTOMATION_LEASE_TABLE": "pcs-automation-ClusterLeaseTable", "PCS_AUTOMATION_LEASE_SECONDS": "14400",
    }


def read_request(conn, data):
    """One HTTP request from conn (data: bytes already read); returns (head, rest)."""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError("the bootstrap closed the connection")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    size = int(length.group(1)) if length else 0
    while len(rest) < size:
        rest += conn.recv(65536)
    return head, rest[size:]


def first_touches(bootstrap, handler, code_start, code_end):
    """Addresses of the code blocks run in [code_start, code_end), in first-run order, from exec to the first answer."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    env = lambda_environment(handler, "127.0.0.1:%d" % server.getsockname()[1], os.path.dirname(bootstrap))
    process = subprocess.Popen(["valgrind", "--tool=lackey", "--trace-superblocks=yes", "--log-file=/dev/stdout", bootstrap],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1 << 20)
    seen, order = set(), []

    def read_trace():
        for line in process.stdout:
            if not line.startswith("SB "):
                continue
            address = int(line[3:], 16)
            if code_start <= address < code_end and address not in seen:
                seen.add(address)
                order.append(address)

    reader = threading.Thread(target=read_trace)
    reader.start()
    server.settimeout(1)
    while True:
        try:
            conn, _ = server.accept()
            break
        except socket.timeout:
            if process.poll() is not None:
                reader.join()
                sys.exit(f"{handler}: the bootstrap exited ({process.returncode}) before calling the Runtime API")
    conn.settimeout(300)
    head, rest = read_request(conn, b"")
    event = b"{}"
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\n"
                 b"Lambda-Runtime-Deadline-Ms: %d\r\n"
                 b"Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:startup-order\r\n"
                 b"Content-Length: %d\r\n\r\n%s" % (int(time.time() * 1000) + 900_000, len(event), event))
    try:
        head, _ = read_request(conn, rest)
        answer = head.split(b"\r\n", 1)[0].decode()
    except (EOFError, socket.timeout) as e:
        # a handler that calls AWS for {} has no AWS to reach here: its init and what ran until then still count
        answer = f"no answer ({e or 'timed out'})"
    # valgrind writes out its trace on SIGINT; the bootstrap may be slow to stop (it waits on the next /next)
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    reader.join()
    conn.close()
    server.close()
    return order, answer


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", default=os.path.join(ROOT, "artifacts", "bootstrap", "bootstrap"))
    parser.add_argument("--symbols", help="the bootstrap's symbols (default: bootstrap.dbg beside it)")
    parser.add_argument("--out", default=os.path.join(ROOT, "functions", "PcsAutomation.Functions", "startup.order"))
    parser.add_argument("--handlers", nargs="*", help="default: every handler of HandlerRegistry, Diagnostics first")
    parser.add_argument("--append", action="store_true",
                        help="keep the names already in --out first and add what --handlers run that is not listed yet "
                             "(a new handler's paths without rerunning all, which takes a minute a handler on an idle machine)")
    args = parser.parse_args()
    symbols = args.symbols or args.bootstrap + ".dbg"

    # The compiler's code is the __managedcode section; the native runtime (.text) is linked in as is.
    sections = subprocess.run(["readelf", "-SW", args.bootstrap], capture_output=True, text=True, check=True).stdout
    managed = re.search(r"__managedcode\s+PROGBITS\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", sections)
    if not managed:
        sys.exit("no __managedcode section in " + args.bootstrap)
    code_start = int(managed.group(1), 16)
    code_end = code_start + int(managed.group(2), 16)
    table = []
    for line in subprocess.run(["nm", "-n", "--defined-only", symbols], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split(" ", 2)
        # (section markers such as __start___managedcode share an address with the first method)
        if len(parts) == 3 and parts[1] in "tT" and code_start <= int(parts[0], 16) < code_end and not parts[2].startswith("__st"):
            table.append((int(parts[0], 16), parts[2]))
    starts = [address for address, _ in table]

    # valgrind 3.19 cannot read the DWARF 5 of bootstrap.dbg, which it finds beside the bootstrap: run a lone copy
    workdir = tempfile.mkdtemp(prefix="startup-order-")
    bootstrap = shutil.copy(args.bootstrap, os.path.join(workdir, "bootstrap"))
    names, listed = [], set()
    if args.append and os.path.exists(args.out):
        names = [line.strip() for line in open(args.out) if line.strip()]
        listed = set(names)
    for handler in args.handlers or handler_names():
        addresses, answer = first_touches(bootstrap, handler, code_start, code_end)
        added = 0
        for address in addresses:
            i = bisect.bisect_right(starts, address) - 1
            if i >= 0 and table[i][1] not in listed:
                listed.add(table[i][1])
                names.append(table[i][1])
                added += 1
        print(f"{handler}: {answer}; {added} more methods ({len(names)} in all)", flush=True)
    shutil.rmtree(workdir)
    with open(args.out, "w") as out:
        out.write("\n".join(names) + "\n")
    print(f"wrote {len(names)} methods to {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()

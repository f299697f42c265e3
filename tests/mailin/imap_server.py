"""A small IMAP4rev1 server on 127.0.0.1 for the tests of ``manage.py fetch_mail``.

A real socket server (no TLS), speaking the few commands imaplib sends for
fetch_mail: CAPABILITY, LOGIN, SELECT, UID SEARCH, UID FETCH, UID STORE,
UID MOVE, UID COPY, EXPUNGE, CLOSE, LOGOUT, NOOP. Mailboxes live in memory.
"""

from __future__ import annotations

import re
import shlex
import socketserver
import threading
from dataclasses import dataclass, field

from tests.notifications.support import free_port


@dataclass
class Stored:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


class Mailboxes:
    def __init__(self, user: str, password: str, *, move: bool = True) -> None:
        self.user, self.password, self.move = user, password, move
        self.folders: dict[str, list[Stored]] = {"INBOX": [], "Done": []}
        self.next_uid = 1
        self.commands: list[str] = []
        self.lock = threading.Lock()

    def add(self, raw: bytes, folder: str = "INBOX", flags: set[str] | None = None) -> int:
        with self.lock:
            uid = self.next_uid
            self.next_uid += 1
            self.folders[folder].append(Stored(uid, raw, set(flags or ())))
            return uid

    def flags(self, folder: str = "INBOX") -> dict[int, set[str]]:
        return {item.uid: item.flags for item in self.folders[folder]}


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def send(self, line: str | bytes) -> None:
        data = line if isinstance(line, bytes) else line.encode()
        self.wfile.write(data + b"\r\n")

    def handle(self) -> None:
        boxes = self.server.boxes
        selected: str | None = None
        authenticated = False
        self.send("* OK Fake IMAP ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            text = line.decode().rstrip("\r\n")
            tag, _, rest = text.partition(" ")
            command, _, args = rest.partition(" ")
            command = command.upper()
            boxes.commands.append(f"{command} {args}".strip())
            if command == "CAPABILITY":
                capabilities = "IMAP4rev1 UIDPLUS" + (" MOVE" if boxes.move else "")
                self.send(f"* CAPABILITY {capabilities}")
                self.send(f"{tag} OK CAPABILITY completed")
            elif command == "NOOP":
                self.send(f"{tag} OK NOOP completed")
            elif command == "LOGIN":
                user, password = shlex.split(args)
                if (user, password) != (boxes.user, boxes.password):
                    self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials")
                    continue
                authenticated = True
                self.send(f"{tag} OK LOGIN completed")
            elif command == "SELECT" and authenticated:
                name = shlex.split(args)[0]
                if name not in boxes.folders:
                    self.send(f"{tag} NO Mailbox does not exist")
                    continue
                selected = name
                self.send(f"* {len(boxes.folders[name])} EXISTS")
                self.send(r"* FLAGS (\Seen \Deleted)")
                self.send(f"{tag} OK [READ-WRITE] SELECT completed")
            elif command == "UID" and selected:
                self.uid(tag, args, boxes, selected)
            elif command == "EXPUNGE" and selected:
                with boxes.lock:
                    boxes.folders[selected] = [
                        item for item in boxes.folders[selected] if "\\Deleted" not in item.flags
                    ]
                self.send(f"{tag} OK EXPUNGE completed")
            elif command == "CLOSE" and selected:
                selected = None
                self.send(f"{tag} OK CLOSE completed")
            elif command == "LOGOUT":
                self.send("* BYE Logging out")
                self.send(f"{tag} OK LOGOUT completed")
                return
            else:
                self.send(f"{tag} BAD Unexpected {command}")

    def uid(self, tag: str, args: str, boxes: Mailboxes, folder: str) -> None:
        command, _, rest = args.partition(" ")
        command = command.upper()
        items = boxes.folders[folder]
        if command == "SEARCH":
            criteria = rest.upper().split()
            found = [
                str(item.uid)
                for item in items
                if "UNSEEN" not in criteria or "\\Seen" not in item.flags
            ]
            self.send("* SEARCH " + " ".join(found) if found else "* SEARCH")
            self.send(f"{tag} OK SEARCH completed")
            return
        uid_text, _, rest = rest.partition(" ")
        matching = [(n, item) for n, item in enumerate(items, start=1) if str(item.uid) == uid_text]
        if command == "FETCH":
            for number, item in matching:
                self.wfile.write(
                    f"* {number} FETCH (UID {item.uid} BODY[] {{{len(item.raw)}}}\r\n".encode()
                    + item.raw
                    + b")\r\n"
                )
            self.send(f"{tag} OK FETCH completed")
        elif command == "STORE":
            flags = re.findall(r"\\\w+", rest)
            for number, item in matching:
                item.flags.update(flags)
                self.send(
                    f"* {number} FETCH (UID {item.uid} FLAGS ({' '.join(sorted(item.flags))}))"
                )
            self.send(f"{tag} OK STORE completed")
        elif command in ("COPY", "MOVE"):
            target = shlex.split(rest)[0]
            with boxes.lock:
                for _number, item in matching:
                    boxes.folders[target].append(Stored(item.uid, item.raw, set(item.flags)))
                    if command == "MOVE":
                        items.remove(item)
            self.send(f"{tag} OK {command} completed")
        else:
            self.send(f"{tag} BAD Unexpected UID {command}")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, boxes: Mailboxes) -> None:
        super().__init__(address, _Handler)
        self.boxes = boxes


class IMAPServer:
    """Start with :meth:`start`, stop with :meth:`stop`; its mailboxes are :attr:`boxes`."""

    def __init__(self, user: str, password: str, *, move: bool = True):
        self.port = free_port()
        self.boxes = Mailboxes(user, password, move=move)
        self._server: _Server | None = None

    def start(self) -> None:
        self._server = _Server(("127.0.0.1", self.port), self.boxes)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

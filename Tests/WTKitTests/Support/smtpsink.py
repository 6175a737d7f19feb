#!/usr/bin/env python3
"""A small SMTP server on 127.0.0.1 that delivers every message into a Maildir,
as a local delivery agent does: written in tmp/, renamed into new/, with
Return-Path and Delivered-To on top.

    smtpsink.py MAILDIR PORTFILE

Listens on a free port and writes its number to PORTFILE; serves until killed.
Speaks the part of RFC 5321 that msmtp uses without TLS or AUTH.
"""
import os
import socket
import socketserver
import sys
import time

maildir, portfile = sys.argv[1:3]
for sub in ("tmp", "new", "cur"):
    os.makedirs(os.path.join(maildir, sub), exist_ok=True)
counter = [0]


def deliver(sender, recipients, data):
    for rcpt in recipients:
        counter[0] += 1
        name = "%d.M%dP%d.sink" % (int(time.time()), counter[0], os.getpid())
        tmp = os.path.join(maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(b"Return-Path: <" + sender + b">\r\nDelivered-To: " + rcpt + b"\r\n" + data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(maildir, "new", name))


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink.localhost ESMTP")
        sender, recipients = b"", []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.strip()
            verb = command[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250-sink.localhost" if verb == b"EHLO" else "250 sink.localhost")
                if verb == b"EHLO":
                    self.reply("250 8BITMIME")
            elif verb == b"MAIL":
                sender = command.split(b":", 1)[1].strip().split(b" ")[0].strip(b"<>")
                recipients = []
                self.reply("250 ok")
            elif verb == b"RCPT":
                recipients.append(command.split(b":", 1)[1].strip().split(b" ")[0].strip(b"<>"))
                self.reply("250 ok")
            elif verb == b"DATA":
                self.reply("354 end with .")
                data = b""
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    data += l[1:] if l.startswith(b"..") else l
                deliver(sender, recipients, data)
                self.reply("250 delivered")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            elif verb in (b"RSET", b"NOOP"):
                self.reply("250 ok")
            else:
                self.reply("502 not implemented")


server = socketserver.TCPServer(("127.0.0.1", 0), Session)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(portfile + ".tmp", portfile)
server.serve_forever()

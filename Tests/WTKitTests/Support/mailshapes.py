#!/usr/bin/env python3
"""Builds replies to a wt digest mail the way real mail clients send them, with
Python's own `email` package (so the parser under test is not also the writer).

    mailshapes.py DIGEST.eml SHAPE ACTION DECLARATION FROM TEXT [MESSAGE-ID]

DIGEST.eml is the digest as `wt outbox show` prints it; the link of ACTION
(Goedkeuren or Afwijzen) for DECLARATION becomes the To address. SHAPE is one of
plain, html, qp, outlook, gmail, apple, forwarded, headerless-token (the token
only in a quoted mailto: link). The message goes to stdout.
"""
import email
import email.policy
import re
import sys
from email.message import EmailMessage
from email.utils import formataddr

digest_path, shape, action, declaration, sender, text = sys.argv[1:7]
message_id = sys.argv[7] if len(sys.argv) > 7 else "<reply-%s-%s@vanhouten.example>" % (shape, declaration)
text = text.replace("\\n", "\n")

digest = email.message_from_bytes(open(digest_path, "rb").read(), policy=email.policy.default)
digest_text = digest.get_content().replace("\r\n", "\n")
links = dict(((a, d), (addr, query)) for a, d, addr, query in
             re.findall(r"^(Goedkeuren|Afwijzen) (d-\d+): mailto:([^?\s]+)\?(\S+)$", digest_text, re.M))
address, query = links[(action, declaration)]
subject = "%s %s" % (action, declaration)

quoted = "\n".join("> " + line if line else ">" for line in digest_text.splitlines())
prompt = "Reden van afwijzing (schrijf hieronder wat er aangepast moet worden):\n\n" if action == "Afwijzen" else ""

m = EmailMessage()
m["From"] = sender
m["To"] = address
m["Subject"] = subject
m["Date"] = "Wed, 02 Dec 2026 10:20:00 +0100"
m["Message-ID"] = message_id
m["MIME-Version"] = "1.0"

if shape == "plain":
    m.set_content(prompt + text + "\n")
elif shape == "qp":
    # Thunderbird with a Western charset: ISO-8859-1, quoted-printable.
    m.set_content(prompt + text + "\n\n-- \nJan van Houten\nInkoop, Bakkerij Van Houten\n", charset="iso-8859-1", cte="quoted-printable")
elif shape == "html":
    # Apple Mail / most webmail: multipart/alternative, the HTML part last.
    m.set_content(prompt + text + "\n")
    html = "<html><body><div>%s</div><br><blockquote type=\"cite\">%s</blockquote></body></html>" % (
        text.replace("\n", "<br>"), digest_text.replace("\n", "<br>"))
    m.add_alternative(html, subtype="html")
elif shape == "outlook":
    # Outlook: Windows-1252, base64, the original below a separator and a header block.
    body = (prompt + text + "\r\n\r\n-----Original Message-----\r\nFrom: WerkTalent BV <administratie@werktalent.com>\r\n"
            "Sent: Wednesday, December 2, 2026 10:15 AM\r\nTo: Jan van Houten <j.vanhouten@vanhouten.example>\r\n"
            "Subject: Er staan een of meer urendeclaraties klaar om goed te keuren\r\n\r\n" + digest_text.replace("\n", "\r\n"))
    m.set_content(body.encode("cp1252", errors="replace"), maintype="text", subtype="plain", cte="base64")
    m.replace_header("Content-Type", 'text/plain; charset="windows-1252"')
    m.add_alternative("<html><body><p>%s</p><div id=\"divRplyFwdMsg\">quote</div></body></html>" % text.replace("\n", "<br>"), subtype="html")
elif shape == "gmail":
    # Gmail: the attribution wrapped over two lines, the digest quoted with '>'.
    body = (prompt + text + "\n\nOp wo 2 dec 2026 om 10:15 schreef WerkTalent BV <\nadministratie@werktalent.com>:\n\n" + quoted + "\n")
    m.set_content(body)
    m.add_alternative("<div dir=\"ltr\">%s</div><br><div class=\"gmail_quote\">quoted digest</div>" % text.replace("\n", "<br>"), subtype="html")
elif shape == "apple":
    body = (prompt + text + "\n\nVerzonden vanaf mijn iPhone\n\n> Op 2 dec. 2026 om 10:15 heeft WerkTalent BV <administratie@werktalent.com> het volgende geschreven:\n>\n" + quoted + "\n")
    m.set_content(body)
elif shape == "forwarded":
    # The digest forwarded (to the approver by a colleague, or on by the approver), answered through a link.
    body = (prompt + text + "\n\n---------- Forwarded message ---------\nVan: WerkTalent BV <administratie@werktalent.com>\n"
            "Date: wo 2 dec 2026 om 10:15\nSubject: Er staan een of meer urendeclaraties klaar om goed te keuren\n"
            "To: Jan van Houten <j.vanhouten@vanhouten.example>\n\n" + digest_text + "\n")
    m.set_content(body)
elif shape == "headerless-token":
    # A reply to the digest's own From, quoting only the one link it acts on.
    m.replace_header("To", "WerkTalent BV <administratie@werktalent.com>")
    m.set_content(prompt + text + "\n\n> %s %s: mailto:%s?%s\n" % (action, declaration, address, query))
else:
    sys.exit("unknown shape " + shape)

sys.stdout.buffer.write(m.as_bytes(policy=email.policy.SMTP))

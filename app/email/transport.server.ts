import path from "node:path";

import nodemailer from "nodemailer";

import { makePrivateDir, writePrivateFile } from "~/utils/private-files.server";

export interface MailTransport {
  /** Sends one message; throws when the mail server refuses or cannot be reached. */
  send(message: { id: string; from: string; to: string; subject: string; text: string; html: string }): Promise<void>;
  describe(): string;
  close(): void;
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise each message is
 * written as an .eml file under DATA_DIR/outbox (for a developer's machine).
 */
type Message = Parameters<MailTransport["send"]>[0];

function mailOptions(message: Message) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // A stable Message-ID lets a mail server or reader spot a repeated delivery.
    messageId: `<${message.id}@lantern>`,
  };
}

export function createMailTransport(options: { smtpUrl?: string; dataDir: string }): MailTransport {
  if (options.smtpUrl) {
    const url = options.smtpUrl;
    const transporter = nodemailer.createTransport(url);
    return {
      async send(message) {
        await transporter.sendMail(mailOptions(message));
      },
      describe: () => `SMTP ${new URL(url).host}`,
      close: () => transporter.close(),
    };
  }
  const folder = path.join(options.dataDir, "outbox");
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transporter.sendMail(mailOptions(message));
      // Receipts and live manage links: readable by this account only.
      makePrivateDir(folder);
      writePrivateFile(path.join(folder, `${message.id}.eml`), info.message as Buffer);
    },
    describe: () => `files in ${folder}`,
    close: () => transporter.close(),
  };
}

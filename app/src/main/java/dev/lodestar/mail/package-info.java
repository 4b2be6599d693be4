/**
 * Mail in: Lodestar reads its mailboxes over IMAP ({@code support@} takes complaints,
 * {@code sales@} leads), once per message (the {@code crm_mail_inbound} table), and hands each mail
 * to the case it starts or answers: {@link dev.lodestar.complaint.ComplaintMailbox} for complaints,
 * {@link dev.lodestar.lead.LeadCapture} for leads. Auto-replies, bounces and our own mail start
 * nothing. In the embedded default it also runs a small mail server of its own (GreenMail, SMTP and
 * IMAP on local ports) to which the outbox sends. A top-floor module: it uses the modules that own
 * the cases, none uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package dev.lodestar.mail;

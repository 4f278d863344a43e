"use client";

import { useState, type FormEvent } from "react";
import { InputField, TextAreaField } from "@/components/fields";
import { email, first, maxLength, required } from "@/lib/validate";

interface Message {
  name: string;
  email: string;
  message: string;
}

type Errors = Partial<Record<keyof Message, string>>;

const empty: Message = { name: "", email: "", message: "" };

/** A contact form with inline validation; messages are kept in this browser. */
export function ContactForm() {
  const [draft, setDraft] = useState<Message>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState(false);

  function set(key: keyof Message, value: string) {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    const nameError = first(required(draft.name, "Name"), maxLength(draft.name, "Name", 100));
    if (nameError) found.name = nameError;
    const emailError = first(required(draft.email, "Email"), email(draft.email, "Email"));
    if (emailError) found.email = emailError;
    const messageError = first(required(draft.message, "Message"), maxLength(draft.message, "Message", 2000));
    if (messageError) found.message = messageError;
    setErrors(found);
    const invalid = (Object.keys(found) as (keyof Message)[])[0];
    if (invalid) {
      document.getElementById(`contact-${invalid}`)?.focus();
      return;
    }
    try {
      const saved: unknown = JSON.parse(window.localStorage.getItem("contact-messages") ?? "[]");
      const list = Array.isArray(saved) ? saved : [];
      window.localStorage.setItem("contact-messages", JSON.stringify([...list, { ...draft, sentAt: new Date().toISOString() }]));
    } catch {
      // Storage unavailable: the confirmation still shows.
    }
    setSent(true);
    setDraft(empty);
  }

  if (sent) {
    return (
      <div role="status" className="card p-6">
        <h2 className="text-lg font-semibold">Thank you!</h2>
        <p className="mt-2 text-muted">Your message was sent. We will get back to you soon.</p>
        <button type="button" className="btn-secondary mt-4" onClick={() => setSent(false)}>
          Send another message
        </button>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="contact-form-title" className="card space-y-4 p-6">
      <h2 id="contact-form-title" className="text-lg font-semibold">
        Send a message
      </h2>
      <InputField id="contact-name" label="Name" required autoComplete="name" value={draft.name} error={errors.name} onChange={(v) => set("name", v)} />
      <InputField id="contact-email" label="Email" type="email" inputMode="email" autoComplete="email" required value={draft.email} error={errors.email} onChange={(v) => set("email", v)} />
      <TextAreaField id="contact-message" label="Message" rows={5} required value={draft.message} error={errors.message} onChange={(v) => set("message", v)} />
      <button type="submit" className="btn-primary">
        Send message
      </button>
    </form>
  );
}

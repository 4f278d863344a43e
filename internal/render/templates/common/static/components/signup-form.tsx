"use client";

import { useState, type FormEvent } from "react";
import { InputField } from "@/components/fields";
import { email, first, required } from "@/lib/validate";

/** A newsletter signup with inline email validation; addresses are kept in this browser. */
export function SignupForm() {
  const [address, setAddress] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = first(required(address, "Email"), email(address, "Email"));
    setError(problem);
    if (problem) {
      document.getElementById("signup-email")?.focus();
      return;
    }
    try {
      const saved: unknown = JSON.parse(window.localStorage.getItem("signups") ?? "[]");
      const list = Array.isArray(saved) ? saved : [];
      window.localStorage.setItem("signups", JSON.stringify([...list, address.trim()]));
    } catch {
      // Storage unavailable: the thank-you still shows.
    }
    setDone(true);
  }

  if (done) {
    return (
      <p role="status" className="mt-6 rounded-lg bg-primary/10 px-4 py-3 font-medium text-primary-ink">
        Thanks! You are on the list.
      </p>
    );
  }
  return (
    <form noValidate onSubmit={handleSubmit} className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex-1">
        <InputField id="signup-email" label="Email" type="email" inputMode="email" autoComplete="email" placeholder="name@example.com" required value={address} error={error} onChange={setAddress} />
      </div>
      <button type="submit" className="btn-primary sm:mt-6">
        Sign up
      </button>
    </form>
  );
}

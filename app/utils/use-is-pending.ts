import { useNavigation } from "@remix-run/react";

/**
 * Whether this page's form is on its way: a submission with `formMethod`
 * (POST unless told) is in flight, and, with `state: "non-idle"` (the
 * default), also while the page that answers it loads. A busy button uses it
 * to say so and to refuse a second press.
 */
export function useIsPending({
  formMethod = "POST",
  state = "non-idle",
}: { formMethod?: "POST" | "GET"; state?: "submitting" | "non-idle" } = {}): boolean {
  const navigation = useNavigation();
  const inFlight = state === "submitting" ? navigation.state === "submitting" : navigation.state !== "idle";
  return inFlight && navigation.formMethod === formMethod;
}

import { Alert } from "~/components/ui/alert";

/** The message a redirect carried ("saved", "3 materials released"), shown once above the page; put in words by the root loader. */
export function FlashMessage({ flash }: { flash: { text: string; tone: "success" | "info" | "warning" } }) {
  return (
    <Alert tone={flash.tone} className="mb-6">
      {flash.text}
    </Alert>
  );
}

import { useNavigation } from "@remix-run/react";
import { ConfirmSchema } from "~/modules/deliverable/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { useTranslation } from "~/utils/use-translation";
import type { ScanResult } from "~/modules/privacy/scan.server";
import { ScanFindings } from "./scan-findings";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { FileInput } from "~/components/ui/file-input";
import { TextareaField } from "~/components/ui/field";
import { Alert } from "~/components/ui/alert";

export interface FileRow {
  id: string;
  fileName: string;
  scanStatus: string;
  scan: ScanResult | null;
  confirmReason: string;
  storedFile: { size: number; extension: string };
}

function size(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The files attached to the draft, each with its scan result and, when flagged, the confirmation asked of the uploader. */
export function DeliverableFiles({
  academyId,
  teamId,
  files,
  canEdit,
  actionData,
}: {
  academyId: string;
  teamId: string;
  files: FileRow[];
  canEdit: boolean;
  actionData?: { form: string; fieldErrors: Record<string, string>; values: Record<string, string> };
}) {
  const { t } = useTranslation();
  if (files.length === 0) return <p>{t("deliverable.noFiles")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {files.map((f) => {
        const mine = actionData?.form === `confirm-${f.id}` ? actionData : undefined;
        return (
          <li key={f.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
            <div className="flex flex-wrap items-center gap-3">
              <a href={`/academies/${academyId}/teams/${teamId}/files/${f.id}`} className="text-std-16B-170 break-all">
                {f.fileName}
              </a>
              <span className="text-dns-14N-130 text-solid-gray-700">
                {f.storedFile.extension.toUpperCase()} · {size(f.storedFile.size)}
              </span>
              <span data-scan={f.scanStatus} className="text-dns-14B-120">{t(`privacy.status.${f.scanStatus}`)}</span>
              {canEdit ? (
                <ActionForm className="ml-auto">
                  <input type="hidden" name="intent" value="removeFile" />
                  <input type="hidden" name="fileId" value={f.id} />
                  <ConfirmButton size="sm" variant="tertiary" confirm={t("deliverable.confirmRemoveFile", { name: f.fileName })} aria-label={t("deliverable.removeFile", { name: f.fileName })}>
                    {t("form.remove")}
                  </ConfirmButton>
                </ActionForm>
              ) : null}
            </div>
            {f.scan && f.scanStatus !== "clean" ? (
              <Alert tone={f.scanStatus === "needs_confirmation" ? "warning" : "info"}>
                <p className="text-dns-16B-120">{t(f.scanStatus === "needs_confirmation" ? "privacy.foundNeedsConfirmation" : "privacy.foundConfirmed")}</p>
                <ScanFindings scan={f.scan} />
                {f.confirmReason ? <p className="mt-2">{t("privacy.reasonGiven", { reason: f.confirmReason })}</p> : null}
              </Alert>
            ) : null}
            {canEdit && f.scanStatus === "needs_confirmation" ? (
              <ActionForm schema={ConfirmSchema} className="flex max-w-3xl flex-col gap-2">
                <input type="hidden" name="intent" value="confirmFile" />
                <input type="hidden" name="fileId" value={f.id} />
                <TextareaField name="reason" label={t("privacy.reasonLabel", { name: f.fileName })} hint={t("privacy.reasonHint")} rows={2} required defaultValue={mine?.values.reason ?? ""} error={mine?.fieldErrors.reason} />
                <div>
                  <Button type="submit" variant="secondary">{t("privacy.confirm")}</Button>
                </div>
              </ActionForm>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Several files at once, each checked and scanned before anything is kept. */
export function UploadForm({ maxFileBytes, maxFiles, error }: { maxFileBytes: number; maxFiles: number; error?: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formEncType === "multipart/form-data";
  return (
    <ActionForm encType="multipart/form-data" className="flex max-w-3xl flex-col gap-2">
      <label htmlFor="deliverable-file" className="text-std-16B-170">
        {t("deliverable.addFiles")}
      </label>
      <p id="deliverable-file-hint" className="text-dns-14N-130 text-solid-gray-700">
        {t("deliverable.filesHint", { mb: Math.round(maxFileBytes / 1024 / 1024), count: maxFiles })}
      </p>
      <FileInput
        id="deliverable-file"
        name="file"
        multiple
        accept=".pdf,.pptx,.xlsx,.docx,.csv,.png,.jpg,.jpeg"
        aria-describedby={error ? "deliverable-file-hint deliverable-file-error" : "deliverable-file-hint"}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <p id="deliverable-file-error" className="text-dns-16N-130 text-error-2">
          {t(error, { mb: Math.round(maxFileBytes / 1024 / 1024) })}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? t("deliverable.uploading") : t("deliverable.upload")}
        </Button>
      </div>
    </ActionForm>
  );
}

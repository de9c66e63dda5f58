import { Link, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { NEW_MATERIAL_INTENTS } from "~/modules/material/catalogue-intents.server";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useState } from "react";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { MAX_MATERIAL_BYTES } from "~/modules/material/schemas";
import { discard, receiveUpload } from "~/utils/upload.server";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { FileInput } from "~/components/ui/file-input";
import { Alert } from "~/components/ui/alert";
import { MaterialMetaFields } from "~/components/material/meta-fields";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:catalogue:any");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:catalogue:any");
  const upload = await receiveUpload(request);
  if (!upload.ok) return refuse({ form: "save", reason: upload.error, fieldErrors: {} });
  try {
    return await answerIntent(await runIntent(NEW_MATERIAL_INTENTS, { actorId: user.id, file: upload.file }, upload.formData), "/materials/new");
  } finally {
    // the file is copied into storage by the change, or not wanted
    await discard(upload.file);
  }
}

export default function NewMaterialPage() {
  const actionData = useRefusal();
  const { t } = useTranslation();
  const [kind, setKind] = useState(actionData?.values.kind === "link" ? "link" : "file");
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-6">
      <p><Link to="/materials">{t("material.backToCatalogue")}</Link></p>
      <h1>{t("material.new")}</h1>
      {formMessage(actionData) ? <Alert tone="error">{t(formMessage(actionData)!, { mb: MAX_MATERIAL_BYTES / 1024 / 1024 })}</Alert> : null}
      <ActionForm encType="multipart/form-data" className="flex max-w-2xl flex-col gap-5">
        <fieldset className="flex gap-6">
          <legend className="text-std-16B-170">{t("material.fields.kind")}</legend>
          {(["file", "link"] as const).map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-5" />
              {t(`material.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <MaterialMetaFields values={actionData?.values ?? {}} errors={errors} />
        {kind === "file" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="material-file" className="text-std-16B-170">{t("material.fields.file")}</label>
            <p id="material-file-hint" className="text-dns-14N-130 text-solid-gray-600">{t("material.fileHint", { mb: MAX_MATERIAL_BYTES / 1024 / 1024 })}</p>
            <FileInput id="material-file" name="file" accept=".pdf,.pptx,.xlsx,.docx" aria-describedby="material-file-hint" aria-invalid={errors.file ? true : undefined} />
            {errors.file ? <p className="text-dns-16N-130 text-error-2">{t(errors.file)}</p> : null}
          </div>
        ) : (
          <TextField label={t("material.fields.url")} name="url" type="url" required defaultValue={actionData?.values.url ?? ""} error={errors.url} />
        )}
        <div>
          <Button type="submit">{t("material.create")}</Button>
        </div>
      </ActionForm>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.new");

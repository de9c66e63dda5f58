import { prisma } from "~/utils/db.server";
import type { AppLocale } from "~/utils/dates";

/** Remember the language a signed-in person chose (mail and pages follow it). */
export async function savePreferredLocale(userId: string, locale: AppLocale) {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}

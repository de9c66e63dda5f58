export function seedFingerprint(root?: string): string;

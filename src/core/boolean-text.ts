/** GitHub's own boolean inputs accept exactly the YAML 1.2 core-schema spellings. */
const TRUE_WORDS = ["true", "True", "TRUE"];
const FALSE_WORDS = ["false", "False", "FALSE"];

/** true or false for those spellings (surrounding blanks aside), undefined for anything else. */
export function parseBooleanText(value: string): boolean | undefined {
  const trimmed = value.trim();
  if (TRUE_WORDS.includes(trimmed)) return true;
  if (FALSE_WORDS.includes(trimmed)) return false;
  return undefined;
}

// Urgent-mention detection of the walking skeleton: phrases per language that signal an
// outage, money or legal trouble, plus authors with a large audience. The SLA engine refines it.

const URGENT_TERMS: Record<string, string[]> = {
  en: ['outage', 'down', 'refund', 'lawyer', 'legal action', 'cancel', 'chargeback', 'scam', 'fraud', 'stolen', 'urgent', 'emergency', 'sue'],
  es: ['reembolso', 'abogado', 'cancelar', 'fraude', 'estafa', 'urgente', 'denuncia', 'caído'],
  'pt-BR': ['reembolso', 'advogado', 'cancelar', 'fraude', 'golpe', 'urgente', 'processo', 'fora do ar'],
  pt: ['reembolso', 'advogado', 'cancelar', 'fraude', 'urgente'],
  de: ['erstattung', 'anwalt', 'kündigen', 'stornieren', 'betrug', 'dringend', 'ausfall', 'klage'],
  fr: ['remboursement', 'avocat', 'annuler', 'arnaque', 'fraude', 'urgent', 'panne', 'plainte'],
  lv: ['atmaksa', 'advokāts', 'atcelt', 'krāpšana', 'steidzami', 'nedarbojas'],
  ja: ['返金', '弁護士', 'キャンセル', '詐欺', '至急', '障害', '緊急'],
  ar: ['استرداد', 'محامي', 'إلغاء', 'احتيال', 'عاجل', 'عطل'],
  ml: ['റീഫണ്ട്', 'വക്കീൽ', 'റദ്ദാക്കുക', 'അടിയന്തിരം', 'തട്ടിപ്പ്'],
  gu: ['રિફંડ', 'વકીલ', 'રદ', 'તાત્કાલિક', 'છેતરપિંડી'],
  bn: ['রিফান্ড', 'আইনজীবী', 'বাতিল', 'জরুরি', 'প্রতারণা'],
  te: ['రీఫండ్', 'లాయర్', 'రద్దు', 'అత్యవసరం', 'మోసం'],
};

/** Authors with at least this many followers make any mention urgent. */
export const URGENT_FOLLOWER_THRESHOLD = 100_000;

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const terms = [...new Set(Object.values(URGENT_TERMS).flat())].map((t) => t.toLocaleLowerCase());
const isLatin = (term: string) => /^[\p{Script=Latin}\s]+$/u.test(term);
// One compiled pattern: Latin terms match whole words ("down" must not match "download");
// terms in other scripts match anywhere, as those scripts do not separate words the same way.
const URGENT_PATTERN = new RegExp(
  [`(?<!\\p{L})(?:${terms.filter(isLatin).map(escape).join('|')})(?!\\p{L})`, ...terms.filter((t) => !isLatin(t)).map(escape)].join('|'),
  'u',
);

export function isUrgent(body: string, author: { followers?: number; verified?: boolean }): boolean {
  if ((author.followers ?? 0) >= URGENT_FOLLOWER_THRESHOLD) return true;
  return URGENT_PATTERN.test(body.toLocaleLowerCase());
}

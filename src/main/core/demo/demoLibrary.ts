// The demo workspace's canned responses: an airline's everyday answers, each with a long form,
// a short form that fits X, and variants in the languages its customers write in.
import type { CannedResponse } from '@shared/cannedResponses';

type Variant = CannedResponse['variants'][number];
const v = (language: string | null, body: string, platform: Variant['platform'] = null): Variant => ({ language, platform, body });

const response = (id: string, shortcut: string, title: string, folder: string, tags: string[], variants: Variant[]): Omit<CannedResponse, 'createdAt' | 'updatedAt'> => ({
  id: `demo-canned-${id}`,
  shortcut,
  title,
  folder,
  tags,
  variants,
});

export const DEMO_RESPONSES = [
  response('sign', 'sign', 'Sign-off', 'General', ['signature'], [v(null, '— {{agent.first_name}}, {{account.name}}')]),
  response('bag', 'bag', 'Delayed bag: we are tracing it', 'Baggage', ['baggage', 'delay'], [
    v('en', 'Hi {{customer.first_name}}, we are sorry your bag has not arrived. We are already tracing it and will update you within {{sla.expected_response}}. {{> sign}}'),
    v('en', 'Hi {{customer.first_name}}, sorry about your bag! We are tracing it now and will update you soon. {{> sign}}', 'x'),
    v('lv', 'Sveiki, {{customer.first_name}}! Atvainojamies, ka jūsu bagāža vēl nav atceļojusi. Mēs to jau meklējam un sniegsim ziņas drīzumā (mūsu atbildes laiks: {{sla.expected_response}}). {{> sign}}'),
    v('lv', 'Sveiki, {{customer.first_name}}! Atvainojamies par bagāžu — jau to meklējam un drīz sniegsim ziņas. {{> sign}}', 'x'),
    v('es', 'Hola, {{customer.first_name}}: sentimos que tu maleta no haya llegado. Ya la estamos rastreando y te informaremos pronto (tiempo de respuesta: {{sla.expected_response}}). {{> sign}}'),
    v('pt', 'Olá, {{customer.first_name}}! Lamentamos que a sua mala não tenha chegado. Já estamos rastreando e daremos notícias em breve (prazo de resposta: {{sla.expected_response}}). {{> sign}}'),
    v('de', 'Hallo {{customer.first_name}}, es tut uns leid, dass Ihr Gepäck noch nicht da ist. Wir verfolgen es bereits und melden uns bald (Antwortzeit: {{sla.expected_response}}). {{> sign}}'),
    v('fr', 'Bonjour {{customer.first_name}}, nous sommes désolés que votre bagage ne soit pas arrivé. Nous le recherchons déjà et revenons vers vous rapidement (délai de réponse : {{sla.expected_response}}). {{> sign}}'),
  ]),
  response('refund', 'refund', 'Refund: when the money arrives', 'Billing', ['refund', 'money'], [
    v('en', 'Hi {{customer.first_name}}, refunds reach the card used for the booking within 7 business days of approval. {{> sign}}'),
    v('lv', 'Sveiki, {{customer.first_name}}! Atmaksa tiek ieskaitīta kartē, ar kuru veikta rezervācija, 7 darba dienu laikā pēc apstiprināšanas. {{> sign}}'),
    v('es', 'Hola, {{customer.first_name}}: los reembolsos llegan a la tarjeta de la reserva en un plazo de 7 días hábiles tras su aprobación. {{> sign}}'),
    v('pt', 'Olá, {{customer.first_name}}! O reembolso chega ao cartão usado na reserva em até 7 dias úteis após a aprovação. {{> sign}}'),
    v('de', 'Hallo {{customer.first_name}}, Erstattungen gehen innerhalb von 7 Werktagen nach der Freigabe auf die Karte der Buchung. {{> sign}}'),
  ]),
  response('dm', 'dm', 'Ask for a DM with the booking reference', 'General', ['privacy', 'booking'], [
    v('en', 'Hi {{customer.first_name}}, please send us a direct message with your booking reference so we can look into it. Never share it publicly. {{> sign}}'),
    v('lv', 'Sveiki, {{customer.first_name}}! Lūdzu, nosūtiet mums privātu ziņu ar rezervācijas numuru, lai varam to pārbaudīt. Nepublicējiet to atklāti. {{> sign}}'),
    v('es', 'Hola, {{customer.first_name}}: envíanos un mensaje directo con tu código de reserva para revisarlo. No lo compartas en público. {{> sign}}'),
    v('ja', '{{customer.first_name}}様、確認のため予約番号をダイレクトメッセージでお送りください。公開の投稿には記載しないでください。{{> sign}}'),
  ]),
  response('email', 'email', 'Longer answer by e-mail', 'General', ['email'], [
    v('en', 'Dear {{customer.name}},\n\nThank you for contacting {{account.name}}. We have opened case {{conversation.id}} for your request and will reply within {{sla.expected_response}}.\n\nKind regards,\n{{agent.name}}', 'email'),
    v('en', 'Hi {{customer.first_name}}, we have opened case {{conversation.id}} and will reply within {{sla.expected_response}}. {{> sign}}'),
  ]),
];

// Multilingual corpus of the demo simulator: customers of the fictional airline "Aurora Air" writing
// to its social media and e-mail support. Pure data. Placeholders {flight}, {city} and {booking} are
// filled in by the generator. Urgent openers carry a word the urgency detector knows; every other text
// (non-urgent openers, follow-ups, subjects) avoids all of them, in every language.

export type CorpusKind = 'mention' | 'comment' | 'dm' | 'email';

export interface CorpusOpener {
  /** First customer message; may use placeholders {flight} (e.g. AU 482), {city}, {booking} (6-char code). */
  text: string;
  /** True when it clearly signals outage, refund demand, legal threat, cancellation, fraud, emergency. */
  urgent?: boolean;
  /** Limit to these conversation kinds; omitted = any. */
  kinds?: CorpusKind[];
  /** A pre-sales question (fares, group bookings, deals). */
  sales?: boolean;
}

export interface CorpusLanguage {
  /** BCP 47 code. */
  code: string;
  /** Relative share of traffic. */
  weight: number;
  names: string[];
  cities: string[];
  openers: CorpusOpener[];
  /** Short customer follow-ups after an agent replied. */
  followUps: string[];
  /** E-mail subject lines. */
  subjects: string[];
}

const EMAIL: CorpusKind[] = ['email'];
const PUBLIC: CorpusKind[] = ['mention', 'comment'];
const PRIVATE: CorpusKind[] = ['dm', 'email'];

export const CORPUS: CorpusLanguage[] = [
  {
    code: 'en',
    weight: 30,
    names: [
      'Emily Carter',
      "James O'Connor",
      'Priya Patel',
      'Marcus Johnson',
      'Sophie Williams',
      'Daniel Kim',
      'Hannah Lewis',
      'Tom Harrington',
      'Aisha Bello',
      'Liam Murphy',
      'Chloe Nguyen',
      'Ryan Mitchell',
      'Grace Thompson',
      'Ethan Brooks',
      // Hostile-looking but harmless: a right-to-left mark before the name.
      '\u200FJordan Hale',
    ],
    cities: ['London', 'New York', 'Toronto', 'Dublin', 'Chicago', 'Manchester', 'Sydney', 'Edinburgh'],
    openers: [
      {
        text: "@AuroraAir your app AND website have been down for 2 hours and I can't check in for {flight}. Is this an outage or what??",
        urgent: true,
      },
      {
        text: "My flight {flight} to {city} got cancelled and 3 weeks later I still haven't seen a refund. Booking {booking}. This is ridiculous 😡",
        urgent: true,
      },
      {
        text: "Aurora Air charged my card twice for the same booking {booking}. If it isn't fixed today I'm filing a chargeback and calling my lawyer.",
        urgent: true,
      },
      {
        text: "URGENT: my dad's insulin is in his checked bag and it didn't arrive on {flight} to {city}. This is a medical emergency, who do I call??",
        urgent: true,
      },
      {
        text: "Hey! Do you do group fares? We're 14 people flying to {city} for a wedding in September 💍",
        sales: true,
      },
      {
        text: 'Is the flash sale to {city} still on? The site shows different prices on my phone and my laptop 🤔',
        sales: true,
      },
      {
        text: 'Hello,\n\nI travelled on {flight} from {city} on Friday and my suitcase came out with the handle ripped off and a wheel missing. I reported it at the baggage desk straight away, but I have not heard anything since. Could you let me know what the next step is for a damage claim? My booking reference is {booking}.\n\nKind regards',
        kinds: EMAIL,
      },
      {
        text: "Hi there,\n\nI'm trying to add my Aurora Miles number to booking {booking}, but the form keeps saying the name doesn't match. My Miles account includes my middle name and the ticket doesn't. Could someone update this so I actually get the miles for my trip to {city}?\n\nThanks in advance",
        kinds: EMAIL,
      },
      {
        text: "Good afternoon,\n\nI'm travelling with my 8-month-old on {flight} to {city} next month. Could you confirm whether I can take the pram to the aircraft door, and whether I need to book a bassinet seat separately? I couldn't find a clear answer on your website.\n\nMany thanks",
        kinds: EMAIL,
      },
      {
        text: 'Shoutout to the crew on {flight} to {city} tonight 👏 completely full flight and they were still smiling. @AuroraAir give them a raise',
        kinds: PUBLIC,
      },
      {
        text: "Honestly didn't expect much but @AuroraAir sorted my seat mix-up in 5 minutes over DM. Great service ✨",
        kinds: PUBLIC,
      },
      { text: "@AuroraAir {flight} has been sitting at the gate for 40 min and nobody's telling us anything. What's going on?" },
      { text: 'How many Aurora Miles do I need for a one-way to {city}? The calculator on your site just keeps spinning' },
      { text: "my bag didn't come out on the belt in {city} 😩 flight {flight}, what do I do now" },
      { text: 'Can I change the name on my booking? Spelled my own surname wrong lol. Ref {booking}', kinds: PRIVATE },
      { text: 'Why does your app log me out every single time I open it. Every. Single. Time.' },
      { text: 'Is there wifi on {flight}? Need to get some work done on the flight' },
      { text: 'Paid for extra legroom on {flight} and got put in a regular seat. Not happy tbh' },
      // Hostile-looking but harmless: markup typed as literal text.
      { text: 'lol imagine paying for seat selection <script>alert(1)</script> @AuroraAir fix your site', kinds: PUBLIC },
      { text: 'Your booking page literally shows <b>bold</b> tags in the baggage section. Looks broken on Chrome' },
    ],
    followUps: [
      'Thanks, that worked!',
      'Still no answer about my bag...',
      "Ok I've sent you the booking ref in DM",
      "It's been 2 days since your last reply",
      "That's not what the agent at the airport told me",
      'Perfect, appreciate the quick help 🙏',
      'Tried that, still getting the same error',
      'Any update?',
    ],
    subjects: [
      'Damaged suitcase after my flight',
      'Aurora Miles not credited',
      'Question about travelling with an infant',
      'Name correction on my booking',
      "Seat I paid for wasn't honoured",
      'Group booking enquiry',
      'Missing baggage – still waiting for an update',
    ],
  },
  {
    code: 'es',
    weight: 12,
    names: [
      'Lucía Fernández',
      'Javier Morales',
      'María José Rodríguez',
      'Carlos Gutiérrez',
      'Sofía Herrera',
      'Diego Ramírez',
      'Valentina López',
      'Andrés Castillo',
      'Camila Torres',
      'Pablo Navarro',
      'Daniela Vargas',
      'Alejandro Ruiz',
      'Paula Jiménez',
    ],
    cities: ['Madrid', 'Barcelona', 'Ciudad de México', 'Bogotá', 'Buenos Aires', 'Lima', 'Sevilla', 'Santiago'],
    openers: [
      { text: 'Me cancelaron el vuelo {flight} a {city} y nadie me dice nada. Quiero mi reembolso YA 😡', urgent: true },
      {
        text: '@AuroraAir esto es urgente: mi hija de 16 años viaja sola en el {flight}, perdió la conexión en {city} y nadie la atiende',
        urgent: true,
      },
      { text: 'Me cobraron dos veces la reserva {booking}. Si no lo solucionan hoy, hablo con mi abogado.', urgent: true },
      {
        text: 'Necesito cancelar mi vuelo a {city}, a mi padre lo ingresaron en el hospital. ¿Cómo lo hago sin perder todo el dinero?',
        urgent: true,
      },
      {
        text: '¡Hola! ¿Tienen tarifas para grupos? Somos 20 del equipo y queremos volar a {city} en noviembre',
        sales: true,
      },
      { text: '¿La oferta de vuelos a {city} por 49 € incluye maleta facturada o solo mochila? 🤔', sales: true },
      {
        text: 'Buenos días:\n\nViajé en el vuelo {flight} desde {city} el pasado viernes y mi maleta llegó con una rueda rota y la cremallera reventada. Lo comuniqué en el mostrador de equipajes, pero desde entonces no he recibido ninguna respuesta. ¿Me pueden indicar cómo seguir con la reclamación? Mi código de reserva es {booking}.\n\nUn saludo.',
        kinds: EMAIL,
      },
      {
        text: 'Hola:\n\nLlevo dos semanas intentando que me sumen las Aurora Miles de mi viaje a {city} (reserva {booking}). En la app aparece como "pendiente" y en el chat solo me dicen que espere. ¿Podrían revisarlo, por favor?\n\nGracias de antemano.',
        kinds: EMAIL,
      },
      {
        text: 'Estimados señores:\n\nEl mes que viene viajo con mi madre, que usa silla de ruedas, en el vuelo {flight} a {city}. Quisiera confirmar que tienen registrada la asistencia especial y saber con cuánta antelación debemos estar en el aeropuerto.\n\nAtentamente,',
        kinds: EMAIL,
      },
      {
        text: 'Gracias a la tripulación del {flight} a {city}, súper amables con mi peque que no paraba de llorar 🥹❤️',
        kinds: PUBLIC,
      },
      {
        text: 'Primera vez que vuelo con @AuroraAir y la verdad que todo perfecto, puntuales y el asiento comodísimo 👌',
        kinds: PUBLIC,
      },
      { text: 'Llevamos una hora esperando en la puerta de embarque del {flight} y nadie informa de nada. ¿Qué pasa?' },
      { text: 'Mi maleta no salió por la cinta en {city} 😩 vuelo {flight}. ¿Qué tengo que hacer?' },
      { text: 'La app no me deja hacer el check-in, me sale error todo el rato. ¿Es cosa mía?' },
      { text: '¿Puedo cambiar la fecha de mi vuelo sin pagar suplemento? Reserva {booking}', kinds: PRIVATE },
      { text: '¿Cuántas millas necesito para un vuelo a {city}? no encuentro la info en la web' },
    ],
    followUps: [
      'Gracias, ya funciona 👍',
      'Sigo sin saber nada de mi maleta',
      'Ya les mandé el código por DM',
      '¿Alguna novedad? Han pasado dos días',
      'Eso no es lo que me dijeron en el aeropuerto',
      'Perfecto, muchas gracias por la ayuda',
      'Lo he intentado otra vez y me sale el mismo error',
    ],
    subjects: [
      'Maleta dañada en mi último vuelo',
      'Aurora Miles no acreditadas',
      'Asistencia especial para pasajera en silla de ruedas',
      'Cambio de fecha de vuelo',
      'Consulta sobre tarifas de grupo',
      'Equipaje extraviado – sin respuesta',
    ],
  },
  {
    code: 'pt-BR',
    weight: 10,
    names: [
      'Ana Beatriz Souza',
      'Lucas Oliveira',
      'Mariana Costa',
      'Rafael Santos',
      'Juliana Pereira',
      'Gabriel Almeida',
      'Fernanda Lima',
      'Thiago Ribeiro',
      'Camila Rocha',
      'Bruno Carvalho',
      'Larissa Martins',
      'Pedro Henrique Silva',
      'Letícia Gomes',
    ],
    cities: ['São Paulo', 'Rio de Janeiro', 'Lisboa', 'Salvador', 'Recife', 'Belo Horizonte', 'Porto Alegre', 'Fortaleza'],
    openers: [
      {
        text: 'Vocês cancelaram meu voo {flight} pra {city} e até agora nada do reembolso. Já faz 20 dias!! 😤',
        urgent: true,
      },
      {
        text: '@AuroraAir URGENTE: tô no aeroporto de {city} com minha mãe idosa, perdemos a conexão e ninguém no balcão resolve nada',
        urgent: true,
      },
      {
        text: 'Cobraram duas vezes a mesma passagem no meu cartão (reserva {booking}). Se não estornarem hoje vou acionar meu advogado.',
        urgent: true,
      },
      {
        text: 'Preciso cancelar minha viagem pra {city}, meu pai foi internado. Como faço pra não perder tudo?',
        urgent: true,
      },
      {
        text: 'Oi! Vocês têm tarifa pra grupo? Somos 15 pessoas indo pra {city} num casamento em dezembro 💍',
        sales: true,
      },
      { text: 'Essa promoção pra {city} inclui bagagem despachada ou só mala de mão? 🤔', sales: true },
      {
        text: 'Olá,\n\nViajei no voo {flight} saindo de {city} na última sexta e minha mala chegou com a alça quebrada e uma rodinha faltando. Registrei no balcão de bagagens, mas até agora ninguém entrou em contato. Podem me informar como dar andamento à reclamação? Minha reserva é {booking}.\n\nObrigada.',
        kinds: EMAIL,
      },
      {
        text: 'Bom dia,\n\nAs Aurora Miles da minha viagem para {city} (reserva {booking}) ainda não entraram na minha conta, e já se passaram três semanas. No app aparece "em análise". Poderiam verificar, por favor?\n\nAtenciosamente,',
        kinds: EMAIL,
      },
      {
        text: 'Olá, tudo bem?\n\nVou viajar com meu bebê de 7 meses no voo {flight} para {city} e queria saber se posso levar o carrinho até a porta do avião e se preciso reservar o berço separadamente. Não achei essa informação no site.\n\nObrigado!',
        kinds: EMAIL,
      },
      {
        text: 'Parabéns pra tripulação do {flight}, atendimento impecável e ainda me deram um bolinho de aniversário 🥹🎂 @AuroraAir',
        kinds: PUBLIC,
      },
      { text: 'Voei com a Aurora Air pela primeira vez e amei, pontual e o lanche tava ótimo kkkk', kinds: PUBLIC },
      { text: 'Tô há 1h esperando no portão do {flight} e ninguém fala nada. Alguma previsão?' },
      { text: 'Minha mala não apareceu na esteira em {city} 😩 voo {flight}. E agora?' },
      { text: 'O app não deixa eu fazer check-in, dá erro toda hora. Só comigo?' },
      { text: 'Dá pra mudar a data do voo sem pagar taxa? Reserva {booking}', kinds: PRIVATE },
      { text: 'Quantas milhas preciso pra ir pra {city}? Não acho em lugar nenhum no site' },
    ],
    followUps: [
      'Valeu, deu certo!',
      'Continuo sem notícia da minha mala',
      'Mandei o código da reserva no privado',
      'Alguma novidade? Já são dois dias',
      'Não foi isso que me falaram no aeroporto',
      'Perfeito, obrigada pela ajuda 🙏',
      'Tentei de novo e continua dando o mesmo erro',
    ],
    subjects: [
      'Mala danificada no voo',
      'Aurora Miles não creditadas',
      'Dúvida sobre viagem com bebê',
      'Alteração de data da passagem',
      'Cotação para grupo',
      'Bagagem extraviada – sem retorno',
    ],
  },
  {
    code: 'de',
    weight: 8,
    names: [
      'Lena Schneider',
      'Jonas Becker',
      'Sabine Hoffmann',
      'Maximilian Wagner',
      'Katharina Schulz',
      'Tobias Richter',
      'Anna Lehmann',
      'Florian Huber',
      'Julia Zimmermann',
      'Markus Keller',
      'Sophie Braun',
      'Lukas Gruber',
      'Miriam Vogel',
    ],
    cities: ['Berlin', 'München', 'Frankfurt', 'Hamburg', 'Wien', 'Zürich', 'Düsseldorf'],
    openers: [
      {
        text: "Flug {flight} nach {city} wurde gestrichen und seit 3 Wochen warte ich auf die Erstattung. Langsam reicht's echt 😡",
        urgent: true,
      },
      {
        text: 'Hab eine SMS bekommen, ich soll für Buchung {booking} nochmal 89 € zahlen, sonst verfällt der Flug. Ist das Betrug oder echt von euch?',
        urgent: true,
      },
      {
        text: 'Zwei Abbuchungen für dieselbe Buchung {booking}. Wenn das bis morgen nicht korrigiert ist, übernimmt das mein Anwalt.',
        urgent: true,
      },
      {
        text: '@AuroraAir bitte dringend melden: mein Sohn (15) sitzt allein in {city} fest, Anschluss verpasst und am Schalter hilft keiner!',
        urgent: true,
      },
      {
        text: 'Hallo! Gibt es bei euch Gruppentarife? Wir sind 18 Leute vom Verein und wollen im Mai nach {city} 🙂',
        sales: true,
      },
      { text: 'Ist beim Angebot nach {city} für 59 € ein Koffer dabei oder nur Handgepäck?', sales: true },
      {
        text: 'Sehr geehrte Damen und Herren,\n\nich bin am Freitag mit Flug {flight} aus {city} angekommen, und mein Koffer war stark beschädigt (Griff abgerissen, ein Rad fehlt). Ich habe den Schaden direkt am Gepäckschalter gemeldet, aber seitdem keine Rückmeldung erhalten. Wie geht es jetzt weiter? Meine Buchungsnummer lautet {booking}.\n\nMit freundlichen Grüßen',
        kinds: EMAIL,
      },
      {
        text: 'Hallo,\n\nmeine Aurora Miles für die Reise nach {city} (Buchung {booking}) sind nach drei Wochen immer noch nicht gutgeschrieben. In der App steht nur „in Bearbeitung“. Könnten Sie das bitte prüfen?\n\nViele Grüße',
        kinds: EMAIL,
      },
      {
        text: 'Guten Tag,\n\nich fliege nächsten Monat mit meiner Mutter, die im Rollstuhl sitzt, mit {flight} nach {city}. Können Sie bestätigen, dass die Unterstützung am Flughafen eingetragen ist, und sagen, wann wir spätestens dort sein müssen?\n\nDanke und freundliche Grüße',
        kinds: EMAIL,
      },
      {
        text: 'Großes Lob an die Crew von {flight} heute 👏 super freundlich, obwohl der Flieger rappelvoll war',
        kinds: PUBLIC,
      },
      {
        text: 'Erster Flug mit @AuroraAir und ehrlich: pünktlich, bequeme Sitze, netter Service. Gerne wieder!',
        kinds: PUBLIC,
      },
      { text: 'Wir stehen seit 50 Minuten am Gate für {flight} und es gibt null Infos. Was ist da los?' },
      { text: 'Mein Koffer kam in {city} nicht aufs Band 😩 Flug {flight}. Was muss ich jetzt machen?' },
      { text: 'Die App lässt mich nicht einchecken, kommt jedes Mal ein Fehler. Liegt das an mir?' },
      { text: 'Kann ich das Datum von meinem Flug ohne Gebühr ändern? Buchung {booking}', kinds: PRIVATE },
      { text: 'Wie viele Meilen brauch ich für einen Flug nach {city}? Find dazu nix auf der Website' },
    ],
    followUps: [
      'Danke, hat geklappt!',
      'Immer noch keine Info zu meinem Koffer',
      'Hab euch die Buchungsnummer per DM geschickt',
      "Gibt's was Neues? Sind schon zwei Tage",
      'Am Flughafen hat man mir aber was anderes gesagt',
      'Super, danke für die schnelle Hilfe 🙏',
      "Hab's nochmal probiert, gleicher Fehler",
    ],
    subjects: [
      'Beschädigter Koffer nach meinem Flug',
      'Aurora Miles nicht gutgeschrieben',
      'Unterstützung für Rollstuhlfahrerin',
      'Umbuchung auf ein anderes Datum',
      'Anfrage Gruppentarif',
      'Verlorenes Gepäck – keine Rückmeldung',
    ],
  },
  {
    code: 'fr',
    weight: 8,
    names: [
      'Camille Dubois',
      'Julien Martin',
      'Chloé Lefèvre',
      'Antoine Moreau',
      'Manon Girard',
      'Hugo Lambert',
      'Léa Rousseau',
      'Nicolas Fontaine',
      'Inès Benali',
      'Mathieu Tremblay',
      'Élodie Mercier',
      'Thomas Chevalier',
      'Sarah Gauthier',
    ],
    cities: ['Paris', 'Lyon', 'Marseille', 'Bruxelles', 'Montréal', 'Genève', 'Toulouse', 'Nice'],
    openers: [
      {
        text: 'Vol {flight} pour {city} annulé il y a 3 semaines et toujours pas de remboursement. Vous vous moquez de qui ?? 😡',
        urgent: true,
      },
      {
        text: "J'ai reçu un mail « Aurora Air » qui me demande mes coordonnées bancaires pour la résa {booking}. C'est une arnaque ou c'est bien vous ?",
        urgent: true,
      },
      {
        text: 'Débitée deux fois pour la même réservation {booking}. Si rien ne bouge d’ici demain, je transmets le dossier à mon avocat.',
        urgent: true,
      },
      {
        text: "@AuroraAir c'est urgent, ma fille de 15 ans est coincée seule à {city} après une correspondance ratée et personne ne répond !",
        urgent: true,
      },
      {
        text: 'Bonjour ! Vous avez des tarifs groupe ? On est 16 pour un mariage à {city} en juin 💍',
        sales: true,
      },
      {
        text: 'La promo pour {city} à 59 €, ça inclut un bagage en soute ou juste le bagage cabine ?',
        sales: true,
      },
      {
        text: "Bonjour,\n\nJ'ai voyagé vendredi sur le vol {flight} au départ de {city} et ma valise est arrivée avec la poignée arrachée et une roulette en moins. J'ai fait la déclaration au comptoir bagages, mais je n'ai eu aucune nouvelle depuis. Pouvez-vous m'indiquer la marche à suivre ? Ma référence de réservation est {booking}.\n\nCordialement,",
        kinds: EMAIL,
      },
      {
        text: "Bonjour,\n\nMes Aurora Miles pour mon voyage à {city} (réservation {booking}) ne sont toujours pas créditées, trois semaines après. L'appli affiche seulement « en cours de traitement ». Pourriez-vous vérifier, s'il vous plaît ?\n\nMerci d'avance,",
        kinds: EMAIL,
      },
      {
        text: "Madame, Monsieur,\n\nJe voyage le mois prochain avec mon bébé de 8 mois sur le vol {flight} pour {city}. Pourriez-vous me confirmer si la poussette peut être gardée jusqu'à la porte de l'avion, et s'il faut réserver le berceau séparément ?\n\nBien cordialement,",
        kinds: EMAIL,
      },
      {
        text: "Bravo à l'équipage du {flight} ce soir 👏 vol complet et toujours le sourire, ça fait plaisir",
        kinds: PUBLIC,
      },
      {
        text: 'Premier vol avec @AuroraAir et franchement rien à redire : à l’heure, sièges confortables, personnel adorable ✨',
        kinds: PUBLIC,
      },
      { text: "Ça fait 45 min qu'on attend en porte d'embarquement pour le {flight} et aucune info. Il se passe quoi ?" },
      { text: "Ma valise n'est jamais arrivée sur le tapis à {city} 😩 vol {flight}, je fais quoi maintenant ?" },
      { text: "L'appli refuse de m'enregistrer, message d'erreur à chaque fois. C'est que moi ?" },
      { text: 'Est-ce que je peux changer la date de mon vol sans frais ? Résa {booking}', kinds: PRIVATE },
      { text: "Il faut combien de miles pour un aller simple vers {city} ? Je trouve pas l'info sur le site" },
    ],
    followUps: [
      'Merci, ça a marché !',
      'Toujours aucune nouvelle de ma valise',
      'Je vous ai envoyé la référence en MP',
      'Du nouveau ? Ça fait deux jours',
      "C'est pas ce qu'on m'a dit à l'aéroport",
      'Parfait, merci pour la réponse rapide 🙏',
      "J'ai réessayé, même erreur",
    ],
    subjects: [
      'Valise endommagée après mon vol',
      'Aurora Miles non créditées',
      'Voyage avec un bébé – questions',
      'Changement de date de vol',
      'Demande de tarif groupe',
      'Bagage perdu – toujours sans nouvelles',
    ],
  },
  {
    code: 'ja',
    weight: 6,
    names: [
      '佐藤 美咲',
      '鈴木 健太',
      '高橋 結衣',
      '田中 翔',
      '伊藤 彩花',
      '渡辺 大輔',
      '山本 さくら',
      '中村 拓也',
      '小林 真由',
      '加藤 悠斗',
      '吉田 奈々',
      '山田 浩二',
    ],
    cities: ['東京', '大阪', '札幌', '福岡', '那覇', 'ソウル', 'ホノルル'],
    openers: [
      { text: '{flight}便が欠航になったのに、3週間たっても返金されません。どうなってるんですか😡', urgent: true },
      {
        text: '@AuroraAir 至急対応お願いします。{city}で乗り継ぎに間に合わず、15歳の娘が一人で空港に取り残されています',
        urgent: true,
      },
      {
        text: '同じ予約（{booking}）で2回引き落とされてます。明日までに対応がなければ弁護士に相談します。',
        urgent: true,
      },
      {
        text: '父が入院したので{city}行きの予約をキャンセルしたいです。手数料ってどうなりますか？',
        urgent: true,
      },
      { text: '団体割引ってありますか？社員旅行で20人くらい{city}に行く予定です✈️', sales: true },
      { text: '{city}行きのセール運賃って受託手荷物込みですか？それとも機内持ち込みだけ？', sales: true },
      {
        text: 'お世話になっております。\n\n先週金曜日に{flight}便で{city}から戻ったのですが、スーツケースの取っ手が壊れ、キャスターが一つなくなっていました。到着時に手荷物カウンターで申告しましたが、その後ご連絡をいただけておりません。今後の手続きについてご教示いただけますでしょうか。予約番号は{booking}です。\n\nよろしくお願いいたします。',
        kinds: EMAIL,
      },
      {
        text: 'Aurora Milesのマイル加算についてお問い合わせです。\n\n{city}への旅行（予約番号{booking}）から3週間たちますが、まだマイルが加算されていません。アプリでは「処理中」と表示されたままです。ご確認いただけますと幸いです。\n\nよろしくお願いいたします。',
        kinds: EMAIL,
      },
      {
        text: '来月、生後8か月の子どもと{flight}便で{city}へ行きます。\n\nベビーカーは搭乗口まで使えますか？また、バシネットは別途予約が必要でしょうか。サイトを見てもよく分からなかったので教えていただけると助かります。\n\nよろしくお願いします。',
        kinds: EMAIL,
      },
      {
        text: '{flight}便のCAさん、子どもがずっと泣いてたのに本当に優しく対応してくれた…ありがとうございました🥹',
        kinds: PUBLIC,
      },
      {
        text: '初めて @AuroraAir 乗ったけど、定刻通りだし座席も広くて快適だった！またリピートします✨',
        kinds: PUBLIC,
      },
      { text: '{flight}便、搭乗口で1時間待たされてるけど何のアナウンスもない。どうなってるの？' },
      { text: '{city}で荷物がターンテーブルから出てこない😩 {flight}便です。どうすればいいですか？' },
      { text: 'アプリでチェックインしようとするとエラーになる。自分だけ？' },
      { text: '予約（{booking}）の日付って手数料なしで変更できますか？', kinds: PRIVATE },
      { text: '{city}までの特典航空券って何マイル必要ですか？サイトで見つけられない…' },
    ],
    followUps: [
      'ありがとうございます、できました！',
      '荷物の件、まだ連絡がありません',
      '予約番号をDMで送りました',
      'その後どうなりましたか？もう2日たってます',
      '空港で言われたことと違うんですが…',
      '迅速な対応ありがとうございます🙏',
      'もう一度試しましたが同じエラーです',
    ],
    subjects: [
      '手荷物破損について',
      'マイル未加算のお問い合わせ',
      '乳児連れの搭乗について',
      '予約日程の変更について',
      '団体旅行のお見積もり依頼',
      '手荷物未着の件（その後の状況）',
    ],
  },
  {
    code: 'ar',
    weight: 6,
    names: [
      'أحمد المنصوري',
      'فاطمة الزهراء بنعلي',
      'محمد العتيبي',
      'نورة القحطاني',
      'خالد الحربي',
      'ريم الشمري',
      'يوسف حداد',
      'ليلى الخطيب',
      'عمر السعدي',
      'سارة عبد الله',
      'طارق النجار',
      'هند الكعبي',
      'مريم الفارس',
    ],
    cities: ['دبي', 'الرياض', 'القاهرة', 'عمّان', 'الدار البيضاء', 'جدة', 'الدوحة', 'بيروت'],
    openers: [
      {
        text: 'تم إلغاء رحلتي {flight} إلى {city} ولحد الآن ما وصلني أي استرداد للمبلغ 😡 صار لي ٣ أسابيع',
        urgent: true,
      },
      {
        text: '@AuroraAir عاجل: بنتي عمرها ١٥ سنة عالقة لوحدها في مطار {city} بعد ما فاتتها الرحلة الموصلة، ولا أحد يرد!',
        urgent: true,
      },
      {
        text: 'انخصم المبلغ مرتين على نفس الحجز {booking}. إذا ما انحلت المشكلة بكرة راح أسلّم الموضوع للمحامي.',
        urgent: true,
      },
      {
        text: 'أبغى إلغاء حجزي {booking} بسبب ظرف صحي في العائلة، كيف أقدر أسوي هذا بدون ما أخسر كل المبلغ؟',
        urgent: true,
      },
      {
        text: 'مرحبا، عندكم أسعار خاصة للمجموعات؟ نحن ١٨ شخص مسافرين إلى {city} لحضور عرس 💍',
        sales: true,
      },
      { text: 'عرض التذاكر إلى {city} يشمل الحقيبة المشحونة ولا بس حقيبة اليد؟ 🤔', sales: true },
      {
        text: 'السلام عليكم،\n\nسافرت يوم الجمعة الماضي على الرحلة {flight} من {city}، ووصلت حقيبتي ومقبضها مكسور وإحدى العجلات مفقودة. قدّمت بلاغاً في مكتب الأمتعة بالمطار، لكن لم يتواصل معي أحد حتى الآن. أرجو إفادتي بالخطوات التالية. رقم الحجز {booking}.\n\nمع الشكر والتقدير',
        kinds: EMAIL,
      },
      {
        text: 'مرحباً،\n\nلم تُضف أميال Aurora Miles الخاصة برحلتي إلى {city} (رقم الحجز {booking}) رغم مرور ثلاثة أسابيع، والتطبيق ما زال يعرض "قيد المعالجة". أرجو التحقق من الموضوع.\n\nشكراً لكم',
        kinds: EMAIL,
      },
      {
        text: 'تحية طيبة،\n\nسأسافر الشهر القادم مع والدتي التي تستخدم كرسياً متحركاً على الرحلة {flight} إلى {city}. أرجو تأكيد تسجيل طلب المساعدة الخاصة، وإخباري بالوقت المناسب للوصول إلى المطار.\n\nمع خالص الشكر',
        kinds: EMAIL,
      },
      {
        text: 'شكراً لطاقم الرحلة {flight} على تعاملهم الراقي، كانوا صبورين جداً مع أطفالي 🥹❤️',
        kinds: PUBLIC,
      },
      {
        text: 'أول مرة أسافر مع @AuroraAir والصراحة كل شي ممتاز، الرحلة في وقتها والمقاعد مريحة 👌',
        kinds: PUBLIC,
      },
      { text: 'صار لنا ساعة ننتظر عند البوابة للرحلة {flight} ومحد معطينا أي معلومة. وش السالفة؟' },
      { text: 'شنطتي ما طلعت على السير في {city} 😩 الرحلة {flight}، وش أسوي الحين؟' },
      { text: 'التطبيق ما يخليني أسوي تسجيل الوصول، يطلع لي خطأ كل مرة. المشكلة عندي بس؟' },
      { text: 'أقدر أغير تاريخ الرحلة بدون رسوم؟ رقم الحجز {booking}', kinds: PRIVATE },
      { text: 'كم ميل أحتاج لتذكرة إلى {city}؟ ما لقيت المعلومة في الموقع' },
    ],
    followUps: [
      'شكراً، زبطت معي 👍',
      'لسا ما في أي خبر عن شنطتي',
      'أرسلت لكم رقم الحجز على الخاص',
      'في جديد؟ صار لي يومين أنتظر',
      'هذا مو نفس الكلام اللي قالوه لي في المطار',
      'تمام، شكراً على سرعة الرد 🙏',
      'جربت مرة ثانية ونفس الخطأ',
    ],
    subjects: [
      'تلف حقيبة بعد الرحلة',
      'أميال Aurora Miles غير مضافة',
      'طلب مساعدة خاصة لراكبة على كرسي متحرك',
      'تغيير موعد الرحلة',
      'استفسار عن أسعار المجموعات',
      'أمتعة مفقودة – بدون رد',
    ],
  },
  {
    code: 'ml',
    weight: 4,
    names: [
      'അർജുൻ നായർ',
      'അനഘ മേനോൻ',
      'മുഹമ്മദ് ഷാഫി',
      'ലക്ഷ്മി പിള്ള',
      'ജോസഫ് വർഗീസ്',
      'ഫാത്തിമ റഹ്മാൻ',
      'വിഷ്ണു പ്രസാദ്',
      'ആതിര കൃഷ്ണൻ',
      'റിയാസ് അബ്ദുള്ള',
      'ശ്രുതി നമ്പ്യാർ',
      'അനൂപ് തോമസ്',
      'നിമിഷ ജോർജ്',
    ],
    cities: ['കൊച്ചി', 'തിരുവനന്തപുരം', 'കോഴിക്കോട്', 'കണ്ണൂർ', 'ബെംഗളൂരു', 'ദുബായ്', 'ദോഹ'],
    openers: [
      {
        text: '{flight} ഫ്ലൈറ്റ് ക്യാൻസൽ ആയിട്ട് മൂന്നാഴ്ചയായി, ഇതുവരെ റീഫണ്ട് കിട്ടിയില്ല 😡 എന്താണ് ഇത്?',
        urgent: true,
      },
      {
        text: '@AuroraAir അടിയന്തിരം! എന്റെ 15 വയസ്സുള്ള മകൾ {city} എയർപോർട്ടിൽ ഒറ്റയ്ക്ക് കുടുങ്ങി, കണക്ഷൻ ഫ്ലൈറ്റ് മിസ്സായി. ആരും ഫോൺ എടുക്കുന്നില്ല',
        urgent: true,
      },
      {
        text: 'ഒരേ ബുക്കിംഗിന് ({booking}) രണ്ടു തവണ കാർഡിൽ നിന്ന് പൈസ പോയി. എത്രയും വേഗം റീഫണ്ട് വേണം.',
        urgent: true,
      },
      {
        text: 'അച്ഛൻ ആശുപത്രിയിലാണ്, {city} ടിക്കറ്റ് ക്യാൻസൽ ചെയ്താൽ റീഫണ്ട് കിട്ടുമോ? ഇത് അടിയന്തിരം ആണ്, പെട്ടെന്ന് മറുപടി തരണേ',
        urgent: true,
      },
      {
        text: 'ഹായ്, ഗ്രൂപ്പ് ബുക്കിംഗിന് ഡിസ്കൗണ്ട് ഉണ്ടോ? കല്യാണത്തിന് ഞങ്ങൾ 20 പേർ {city} പോകുന്നുണ്ട് ✈️',
        sales: true,
      },
      {
        text: '{city} ഓഫർ ടിക്കറ്റിൽ ചെക്ക്-ഇൻ ബാഗേജ് ഉൾപ്പെടുമോ അതോ ഹാൻഡ് ബാഗ് മാത്രമാണോ?',
        sales: true,
      },
      {
        text: 'നമസ്കാരം,\n\nകഴിഞ്ഞ വെള്ളിയാഴ്ച {flight} ഫ്ലൈറ്റിൽ {city} എയർപോർട്ടിൽ ഇറങ്ങിയപ്പോൾ എന്റെ സ്യൂട്ട്കേസിന്റെ ഹാൻഡിൽ പൊട്ടിയിരുന്നു, ഒരു വീലും പോയി. എയർപോർട്ടിലെ ബാഗേജ് കൗണ്ടറിൽ പരാതി കൊടുത്തെങ്കിലും ഇതുവരെ ആരും ബന്ധപ്പെട്ടില്ല. ഇനി എന്താണ് ചെയ്യേണ്ടത് എന്ന് അറിയിക്കാമോ? ബുക്കിംഗ് നമ്പർ {booking}.\n\nനന്ദി',
        kinds: EMAIL,
      },
      {
        text: 'ഹലോ,\n\n{city} യാത്രയുടെ (ബുക്കിംഗ് {booking}) Aurora Miles ഇതുവരെ എന്റെ അക്കൗണ്ടിൽ വന്നിട്ടില്ല. മൂന്നാഴ്ച കഴിഞ്ഞു, ആപ്പിൽ ഇപ്പോഴും "പ്രോസസ്സിംഗ്" എന്നാണ് കാണിക്കുന്നത്. ഒന്ന് പരിശോധിക്കാമോ?\n\nനന്ദി',
        kinds: EMAIL,
      },
      {
        text: 'നമസ്കാരം,\n\nഅടുത്ത മാസം എന്റെ 8 മാസം പ്രായമുള്ള കുഞ്ഞുമായി {flight} ഫ്ലൈറ്റിൽ {city} പോകുന്നുണ്ട്. സ്ട്രോളർ വിമാനത്തിന്റെ വാതിൽ വരെ കൊണ്ടുപോകാമോ, ബാസിനെറ്റ് പ്രത്യേകം ബുക്ക് ചെയ്യണോ എന്ന് അറിയിക്കാമോ?\n\nനന്ദി',
        kinds: EMAIL,
      },
      {
        text: '{flight} ഫ്ലൈറ്റിലെ ക്രൂവിന് ഒരു ബിഗ് താങ്ക്സ് 🙏 കുഞ്ഞ് കരഞ്ഞപ്പോഴും വളരെ സ്നേഹത്തോടെ പെരുമാറി ❤️',
        kinds: PUBLIC,
      },
      {
        text: 'ആദ്യമായിട്ടാണ് @AuroraAir ൽ യാത്ര ചെയ്തത്, കൃത്യസമയത്ത് എത്തി, സീറ്റും നല്ല കംഫർട്ടബിൾ 👌',
        kinds: PUBLIC,
      },
      { text: '{flight} ഫ്ലൈറ്റിനായി ഒരു മണിക്കൂറായി ഗേറ്റിൽ കാത്തിരിക്കുന്നു, ഒരു അനൗൺസ്മെന്റും ഇല്ല. എന്താ പ്രശ്നം?' },
      { text: '{city} എയർപോർട്ടിൽ എന്റെ ബാഗ് ബെൽറ്റിൽ വന്നില്ല 😩 ഫ്ലൈറ്റ് {flight}. ഇനി എന്ത് ചെയ്യണം?' },
      { text: 'ആപ്പിൽ ചെക്ക്-ഇൻ ചെയ്യാൻ നോക്കുമ്പോൾ എപ്പോഴും എറർ വരുന്നു. എനിക്ക് മാത്രമാണോ?' },
      { text: 'ബുക്കിംഗ് {booking} ന്റെ തീയതി ചാർജ് ഇല്ലാതെ മാറ്റാൻ പറ്റുമോ?', kinds: PRIVATE },
      { text: '{city} പോകാൻ എത്ര Aurora Miles വേണം? വെബ്സൈറ്റിൽ എവിടെയും കാണുന്നില്ല' },
    ],
    followUps: [
      'താങ്ക്സ്, ശരിയായി 👍',
      'എന്റെ ബാഗിനെക്കുറിച്ച് ഇതുവരെ ഒരു വിവരവുമില്ല',
      'ബുക്കിംഗ് നമ്പർ DM ചെയ്തിട്ടുണ്ട്',
      'എന്തെങ്കിലും അപ്ഡേറ്റ് ഉണ്ടോ? രണ്ടു ദിവസമായി',
      'എയർപോർട്ടിൽ പറഞ്ഞത് ഇങ്ങനെയല്ലല്ലോ',
      'പെട്ടെന്ന് സഹായിച്ചതിന് നന്ദി 🙏',
      'വീണ്ടും ശ്രമിച്ചു, അതേ എറർ തന്നെ',
    ],
    subjects: [
      'ബാഗേജ് കേടുപാട് സംബന്ധിച്ച്',
      'Aurora Miles ക്രെഡിറ്റ് ആയില്ല',
      'കുഞ്ഞുമായുള്ള യാത്ര – സംശയങ്ങൾ',
      'യാത്രാ തീയതി മാറ്റം',
      'ഗ്രൂപ്പ് ബുക്കിംഗ് അന്വേഷണം',
      'ബാഗ് കിട്ടിയില്ല – മറുപടിയില്ല',
    ],
  },
  {
    code: 'gu',
    weight: 4,
    names: [
      'હાર્દિક મહેતા',
      'ધ્રુવી શાહ',
      'નિરવ દેસાઈ',
      'કિંજલ ત્રિવેદી',
      'પ્રિયંકા જોશી',
      'ભાવિન પંચાલ',
      'ફોરમ પારેખ',
      'જય ઠક્કર',
      'હેતલ વ્યાસ',
      'કૃણાલ ચૌહાણ',
      'મિતાલી ભટ્ટ',
      'રોનક સોની',
    ],
    cities: ['અમદાવાદ', 'સુરત', 'વડોદરા', 'રાજકોટ', 'મુંબઈ', 'લંડન', 'ટોરોન્ટો'],
    openers: [
      {
        text: '{flight} ફ્લાઇટ કેન્સલ થયાને 3 અઠવાડિયા થયા, હજુ સુધી રિફંડ નથી આવ્યું 😡 આ શું ચાલે છે?',
        urgent: true,
      },
      {
        text: '@AuroraAir તાત્કાલિક મદદ જોઈએ છે! મારી 15 વર્ષની દીકરી {city} એરપોર્ટ પર એકલી ફસાઈ ગઈ છે, કનેક્ટિંગ ફ્લાઇટ છૂટી ગઈ',
        urgent: true,
      },
      {
        text: 'એક જ બુકિંગ ({booking}) માટે મારા કાર્ડમાંથી બે વાર પૈસા કપાઈ ગયા. તરત રિફંડ આપો.',
        urgent: true,
      },
      {
        text: 'પપ્પા હોસ્પિટલમાં છે, {city} ની ટિકિટ કેન્સલ કરીએ તો રિફંડ મળશે? મહેરબાની કરીને તાત્કાલિક જવાબ આપો',
        urgent: true,
      },
      {
        text: 'નમસ્તે, ગ્રુપ બુકિંગ પર કોઈ ડિસ્કાઉન્ટ છે? લગ્ન માટે અમે 20 જણ {city} જઈએ છીએ ✈️',
        sales: true,
      },
      { text: '{city} ની ઓફર વાળી ટિકિટમાં ચેક-ઇન બેગ આવે છે કે ફક્ત હેન્ડ બેગ?', sales: true },
      {
        text: 'નમસ્તે,\n\nગયા શુક્રવારે {flight} ફ્લાઇટમાં {city} એરપોર્ટ પર ઉતર્યા ત્યારે મારી બેગનું હેન્ડલ તૂટેલું હતું અને એક વ્હીલ ગાયબ હતું. મેં બેગેજ કાઉન્ટર પર ફરિયાદ નોંધાવી હતી, પણ હજુ સુધી કોઈએ સંપર્ક કર્યો નથી. હવે આગળ શું કરવું તે જણાવશો? બુકિંગ નંબર {booking} છે.\n\nઆભાર',
        kinds: EMAIL,
      },
      {
        text: 'નમસ્તે,\n\nમારી {city} ની ટ્રિપ (બુકિંગ {booking}) ના Aurora Miles હજુ સુધી મારા એકાઉન્ટમાં જમા થયા નથી. ત્રણ અઠવાડિયા થઈ ગયા, એપમાં હજુ પણ "પ્રોસેસિંગ" બતાવે છે. કૃપા કરીને ચેક કરશો?\n\nઆભાર',
        kinds: EMAIL,
      },
      {
        text: 'નમસ્તે,\n\nઆવતા મહિને હું મારા 8 મહિનાના બાળક સાથે {flight} ફ્લાઇટમાં {city} જઈ રહી છું. શું સ્ટ્રોલર પ્લેનના દરવાજા સુધી લઈ જઈ શકાય? અને બેસિનેટ અલગથી બુક કરાવવું પડશે?\n\nઆભાર',
        kinds: EMAIL,
      },
      {
        text: '{flight} ના ક્રૂનો ખૂબ ખૂબ આભાર 🙏 મારું બાળક રડતું હતું તો પણ બહુ પ્રેમથી સંભાળ્યું ❤️',
        kinds: PUBLIC,
      },
      {
        text: 'પહેલી વાર @AuroraAir માં મુસાફરી કરી, ટાઇમ પર પહોંચ્યા અને સીટ પણ એકદમ આરામદાયક 👌',
        kinds: PUBLIC,
      },
      { text: '{flight} માટે એક કલાકથી ગેટ પર બેઠા છીએ, કોઈ જાહેરાત નથી. શું થયું છે?' },
      { text: '{city} એરપોર્ટ પર મારી બેગ બેલ્ટ પર આવી જ નહીં 😩 ફ્લાઇટ {flight}. હવે શું કરું?' },
      { text: 'એપમાં ચેક-ઇન કરવા જાઉં ત્યારે દર વખતે એરર આવે છે. ફક્ત મને જ આવું થાય છે?' },
      { text: 'બુકિંગ {booking} ની તારીખ ચાર્જ વગર બદલી શકાય?', kinds: PRIVATE },
      { text: '{city} જવા માટે કેટલા Aurora Miles જોઈએ? વેબસાઇટ પર ક્યાંય મળતું નથી' },
    ],
    followUps: [
      'આભાર, થઈ ગયું 👍',
      'મારી બેગ વિશે હજુ કોઈ માહિતી નથી',
      'બુકિંગ નંબર DM માં મોકલ્યો છે',
      'કોઈ અપડેટ? બે દિવસ થઈ ગયા',
      'એરપોર્ટ પર તો કંઈક બીજું જ કહ્યું હતું',
      'ઝડપી મદદ માટે આભાર 🙏',
      'ફરી ટ્રાય કર્યું, એ જ એરર આવે છે',
    ],
    subjects: [
      'બેગને થયેલા નુકસાન અંગે',
      'Aurora Miles જમા થયા નથી',
      'બાળક સાથે મુસાફરી – પ્રશ્નો',
      'ટિકિટની તારીખ બદલવા અંગે',
      'ગ્રુપ બુકિંગ અંગે પૂછપરછ',
      'ખોવાયેલી બેગ – કોઈ જવાબ નથી',
    ],
  },
  {
    code: 'bn',
    weight: 4,
    names: [
      'তানভীর আহমেদ',
      'নুসরাত জাহান',
      'সৌমিত্র ব্যানার্জি',
      'ঋতুপর্ণা দাস',
      'রাকিব হাসান',
      'ফারজানা ইসলাম',
      'অর্ণব চক্রবর্তী',
      'মৌমিতা সেন',
      'সাকিব রহমান',
      'তানিয়া চৌধুরী',
      'দেবাশীষ ঘোষ',
      'সাদিয়া আক্তার',
    ],
    cities: ['ঢাকা', 'কলকাতা', 'চট্টগ্রাম', 'সিলেট', 'লন্ডন', 'দুবাই', 'সিঙ্গাপুর'],
    openers: [
      {
        text: '{flight} ফ্লাইট ক্যানসেল হয়েছে তিন সপ্তাহ আগে, এখনো রিফান্ড পাইনি 😡 এটা কী ধরনের সার্ভিস?',
        urgent: true,
      },
      {
        text: '@AuroraAir জরুরি! আমার ১৫ বছরের মেয়ে {city} এয়ারপোর্টে একা আটকে আছে, কানেক্টিং ফ্লাইট মিস করেছে। কেউ ফোন ধরছে না',
        urgent: true,
      },
      {
        text: 'একই বুকিং ({booking}) এর জন্য আমার কার্ড থেকে দুবার টাকা কেটেছে। এখনই রিফান্ড চাই।',
        urgent: true,
      },
      {
        text: 'বাবা হাসপাতালে ভর্তি, {city} যাওয়ার টিকিট ক্যানসেল করলে রিফান্ড পাওয়া যাবে? খুব জরুরি, প্লিজ তাড়াতাড়ি জানান',
        urgent: true,
      },
      {
        text: 'হাই, গ্রুপ বুকিংয়ে কোনো ডিসকাউন্ট আছে? বিয়েতে আমরা ২০ জন {city} যাচ্ছি ✈️',
        sales: true,
      },
      { text: '{city} যাওয়ার অফারের টিকিটে কি চেক-ইন ব্যাগেজ আছে নাকি শুধু হ্যান্ড লাগেজ?', sales: true },
      {
        text: 'নমস্কার,\n\nগত শুক্রবার {flight} ফ্লাইটে {city} এয়ারপোর্টে নামার পর দেখি আমার স্যুটকেসের হাতল ভাঙা আর একটা চাকা নেই। এয়ারপোর্টের ব্যাগেজ কাউন্টারে অভিযোগ জানিয়েছিলাম, কিন্তু এখনো কেউ যোগাযোগ করেনি। পরবর্তী পদক্ষেপ কী, জানাবেন? বুকিং নম্বর {booking}।\n\nধন্যবাদ',
        kinds: EMAIL,
      },
      {
        text: 'আসসালামু আলাইকুম,\n\nআমার {city} ট্রিপের (বুকিং {booking}) Aurora Miles এখনো অ্যাকাউন্টে যোগ হয়নি। তিন সপ্তাহ হয়ে গেল, অ্যাপে এখনো "প্রসেসিং" দেখাচ্ছে। একটু চেক করে দেবেন?\n\nধন্যবাদ',
        kinds: EMAIL,
      },
      {
        text: 'নমস্কার,\n\nসামনের মাসে আমার ৮ মাসের বাচ্চাকে নিয়ে {flight} ফ্লাইটে {city} যাচ্ছি। স্ট্রলার কি প্লেনের দরজা পর্যন্ত নেওয়া যাবে? আর বেসিনেট কি আলাদা করে বুক করতে হবে?\n\nধন্যবাদ',
        kinds: EMAIL,
      },
      {
        text: '{flight} ফ্লাইটের ক্রুদের অনেক ধন্যবাদ 🙏 বাচ্চা কান্নাকাটি করলেও খুব যত্ন করে সামলেছেন ❤️',
        kinds: PUBLIC,
      },
      {
        text: 'প্রথমবার @AuroraAir এ উড়লাম, একদম সময়মতো পৌঁছেছি আর সিটগুলোও বেশ আরামদায়ক 👌',
        kinds: PUBLIC,
      },
      { text: '{flight} এর জন্য এক ঘণ্টা ধরে গেটে বসে আছি, কোনো অ্যানাউন্সমেন্ট নেই। হচ্ছেটা কী?' },
      { text: '{city} এয়ারপোর্টে আমার ব্যাগ বেল্টে আসেনি 😩 ফ্লাইট {flight}। এখন কী করব?' },
      { text: 'অ্যাপে চেক-ইন করতে গেলেই এরর দেখাচ্ছে। শুধু আমারই এমন হচ্ছে?' },
      { text: 'বুকিং {booking} এর তারিখ কি চার্জ ছাড়া বদলানো যাবে?', kinds: PRIVATE },
      { text: '{city} যেতে কত Aurora Miles লাগবে? ওয়েবসাইটে কোথাও খুঁজে পাচ্ছি না' },
    ],
    followUps: [
      'ধন্যবাদ, হয়ে গেছে 👍',
      'আমার ব্যাগের ব্যাপারে এখনো কোনো খবর নেই',
      'বুকিং নম্বর ইনবক্সে পাঠিয়েছি',
      'কোনো আপডেট? দুই দিন হয়ে গেল',
      'এয়ারপোর্টে তো অন্য কথা বলেছিল',
      'তাড়াতাড়ি সাহায্য করার জন্য ধন্যবাদ 🙏',
      'আবার চেষ্টা করলাম, একই এরর আসছে',
    ],
    subjects: [
      'স্যুটকেস ক্ষতিগ্রস্ত হওয়া প্রসঙ্গে',
      'Aurora Miles যোগ হয়নি',
      'শিশুসহ ভ্রমণ – কিছু প্রশ্ন',
      'টিকিটের তারিখ পরিবর্তন',
      'গ্রুপ বুকিং সংক্রান্ত জিজ্ঞাসা',
      'হারানো ব্যাগ – কোনো উত্তর নেই',
    ],
  },
  {
    code: 'te',
    weight: 4,
    names: [
      'సాయి కిరణ్ రెడ్డి',
      'శ్రావ్య రావు',
      'వెంకటేష్ నాయుడు',
      'దివ్య మల్లాది',
      'అనిల్ కుమార్ వర్మ',
      'హారిక చౌదరి',
      'రాహుల్ గౌడ్',
      'లావణ్య పొట్లూరి',
      'కార్తీక్ శర్మ',
      'మేఘన యాదవ్',
      'ప్రవీణ్ బాబు',
      'స్నేహ కొండా',
    ],
    cities: ['హైదరాబాద్', 'విజయవాడ', 'విశాఖపట్నం', 'తిరుపతి', 'బెంగళూరు', 'దుబాయ్', 'డల్లాస్'],
    openers: [
      {
        text: '{flight} ఫ్లైట్ క్యాన్సిల్ అయి మూడు వారాలైంది, ఇంకా రీఫండ్ రాలేదు 😡 ఏంటి ఇది?',
        urgent: true,
      },
      {
        text: '@AuroraAir అత్యవసరం! నా 15 ఏళ్ల కూతురు {city} ఎయిర్‌పోర్ట్‌లో ఒంటరిగా చిక్కుకుపోయింది, కనెక్టింగ్ ఫ్లైట్ మిస్ అయింది. ఎవరూ ఫోన్ ఎత్తడం లేదు',
        urgent: true,
      },
      {
        text: 'ఒకే బుకింగ్ ({booking}) కి నా కార్డ్ నుంచి రెండుసార్లు డబ్బులు కట్ అయ్యాయి. వెంటనే రీఫండ్ ఇవ్వండి.',
        urgent: true,
      },
      {
        text: 'నాన్నగారు హాస్పిటల్‌లో ఉన్నారు, {city} టికెట్ క్యాన్సిల్ చేస్తే రీఫండ్ వస్తుందా? ఇది అత్యవసరం, ప్లీజ్ త్వరగా చెప్పండి',
        urgent: true,
      },
      {
        text: 'హాయ్, గ్రూప్ బుకింగ్‌కి ఏమైనా డిస్కౌంట్ ఉందా? పెళ్లికి మేం 20 మంది {city} వెళ్తున్నాం ✈️',
        sales: true,
      },
      { text: '{city} ఆఫర్ టికెట్‌లో చెక్-ఇన్ బ్యాగేజ్ ఉంటుందా లేక హ్యాండ్ బ్యాగ్ మాత్రమేనా?', sales: true },
      {
        text: 'నమస్కారం,\n\nగత శుక్రవారం {flight} ఫ్లైట్‌లో {city} ఎయిర్‌పోర్ట్‌లో దిగినప్పుడు నా సూట్‌కేస్ హ్యాండిల్ విరిగిపోయి ఉంది, ఒక చక్రం కూడా లేదు. బ్యాగేజ్ కౌంటర్‌లో ఫిర్యాదు ఇచ్చాను కానీ ఇప్పటివరకు ఎవరూ సంప్రదించలేదు. తర్వాత ఏం చేయాలో దయచేసి తెలియజేయండి. బుకింగ్ నంబర్ {booking}.\n\nధన్యవాదాలు',
        kinds: EMAIL,
      },
      {
        text: 'హలో,\n\nనా {city} ట్రిప్ (బుకింగ్ {booking}) కి సంబంధించిన Aurora Miles ఇంకా నా అకౌంట్‌లో జమ కాలేదు. మూడు వారాలు అయింది, యాప్‌లో ఇంకా "ప్రాసెసింగ్" అని చూపిస్తోంది. ఒకసారి చెక్ చేయగలరా?\n\nధన్యవాదాలు',
        kinds: EMAIL,
      },
      {
        text: 'నమస్కారం,\n\nవచ్చే నెల నా 8 నెలల బాబుతో {flight} ఫ్లైట్‌లో {city} వెళ్తున్నాను. స్ట్రోలర్‌ని విమానం డోర్ వరకు తీసుకెళ్లొచ్చా? బాసినెట్ విడిగా బుక్ చేసుకోవాలా?\n\nధన్యవాదాలు',
        kinds: EMAIL,
      },
      {
        text: '{flight} ఫ్లైట్ క్రూకి చాలా థాంక్స్ 🙏 పాప ఏడుస్తున్నా చాలా ఓపికగా చూసుకున్నారు ❤️',
        kinds: PUBLIC,
      },
      {
        text: 'మొదటిసారి @AuroraAir లో ప్రయాణించాను, టైమ్‌కి చేరుకున్నాం, సీట్లు కూడా చాలా కంఫర్టబుల్ 👌',
        kinds: PUBLIC,
      },
      { text: '{flight} కోసం గంట నుంచి గేట్ దగ్గర కూర్చున్నాం, ఒక్క అనౌన్స్‌మెంట్ కూడా లేదు. ఏం జరుగుతోంది?' },
      { text: '{city} ఎయిర్‌పోర్ట్‌లో నా బ్యాగ్ బెల్ట్ మీదకి రాలేదు 😩 ఫ్లైట్ {flight}. ఇప్పుడు ఏం చేయాలి?' },
      { text: 'యాప్‌లో చెక్-ఇన్ చేయబోతే ప్రతిసారీ ఎర్రర్ వస్తోంది. నాకొక్కడికేనా?' },
      { text: 'బుకింగ్ {booking} తేదీని ఛార్జ్ లేకుండా మార్చుకోవచ్చా?', kinds: PRIVATE },
      { text: '{city} వెళ్లడానికి ఎన్ని Aurora Miles కావాలి? వెబ్‌సైట్‌లో ఎక్కడా కనిపించట్లేదు' },
    ],
    followUps: [
      'థాంక్స్, అయిపోయింది 👍',
      'నా బ్యాగ్ గురించి ఇంకా ఏ సమాచారం లేదు',
      'బుకింగ్ నంబర్ DM లో పంపాను',
      'ఏమైనా అప్‌డేట్ ఉందా? రెండు రోజులైంది',
      'ఎయిర్‌పోర్ట్‌లో వేరేలా చెప్పారు',
      'త్వరగా సహాయం చేసినందుకు ధన్యవాదాలు 🙏',
      'మళ్లీ ప్రయత్నించాను, అదే ఎర్రర్ వస్తోంది',
    ],
    subjects: [
      'సూట్‌కేస్ డ్యామేజ్ గురించి',
      'Aurora Miles జమ కాలేదు',
      'పసిపిల్లతో ప్రయాణం – సందేహాలు',
      'టికెట్ తేదీ మార్పు',
      'గ్రూప్ బుకింగ్ విచారణ',
      'పోయిన బ్యాగ్ – స్పందన లేదు',
    ],
  },
  {
    code: 'lv',
    weight: 4,
    names: [
      'Anna Bērziņa',
      'Jānis Kalniņš',
      'Līga Ozola',
      'Mārtiņš Liepiņš',
      'Ilze Krūmiņa',
      'Edgars Zariņš',
      'Kristīne Vītola',
      'Artūrs Pētersons',
      'Laura Kalēja',
      'Roberts Jansons',
      'Evija Siliņa',
      'Andris Ozoliņš',
    ],
    cities: ['Rīga', 'Liepāja', 'Londona', 'Oslo', 'Dublina', 'Berlīne', 'Tallina'],
    openers: [
      {
        text: 'Reiss {flight} ({city}) tika atcelts pirms 3 nedēļām, un atmaksa joprojām nav pienākusi 😡 Cik ilgi vēl gaidīt?',
        urgent: true,
      },
      {
        text: '@AuroraAir lūdzu, steidzami sazinieties! Mana 15 gadus vecā meita viena iestrēgusi lidostā – nokavēja pārsēšanās reisu {flight}, un neviens nepalīdz',
        urgent: true,
      },
      {
        text: 'No kartes divreiz noņemta nauda par vienu un to pašu rezervāciju {booking}. Ja līdz rītdienai nekas nemainīsies, ar to nodarbosies mans advokāts.',
        urgent: true,
      },
      {
        text: 'Tētis nonāca slimnīcā, tāpēc gribu atcelt rezervāciju {booking}. Vai varēšu dabūt naudu atpakaļ?',
        urgent: true,
      },
      {
        text: 'Sveiki! Vai jums ir grupu cenas? Esam 18 cilvēki, maijā lidojam uz kāzām ✈️ Galamērķis – {city}',
        sales: true,
      },
      {
        text: 'Akcija – {city} par 49 €. Vai tajā cenā ir iekļauta nododamā bagāža vai tikai rokas bagāža? 🤔',
        sales: true,
      },
      {
        text: 'Labdien!\n\nPagājušajā piektdienā lidoju ar reisu {flight} ({city}), un mans koferis ieradās ar nolauztu rokturi un bez viena ritenīša. Bojājumu uzreiz pieteicu bagāžas letē, taču kopš tā laika neviens nav sazinājies. Lūdzu, pastāstiet, kā rīkoties tālāk. Rezervācijas kods: {booking}.\n\nAr cieņu',
        kinds: EMAIL,
      },
      {
        text: 'Sveiki!\n\nPar manu ceļojumu (galamērķis – {city}, rezervācija {booking}) joprojām nav ieskaitītas Aurora Miles jūdzes, lai gan pagājušas jau trīs nedēļas. Lietotnē joprojām redzams statuss "apstrādē". Vai varat, lūdzu, pārbaudīt?\n\nPaldies',
        kinds: EMAIL,
      },
      {
        text: 'Labdien!\n\nNākamajā mēnesī lidošu ar reisu {flight} kopā ar savu 8 mēnešus veco mazuli. Vai ratiņus var paņemt līdz lidmašīnas durvīm, un vai mazuļa šūpulītis jārezervē atsevišķi? Mājaslapā skaidru atbildi neatradu.\n\nPaldies jau iepriekš',
        kinds: EMAIL,
      },
      {
        text: 'Liels paldies reisa {flight} apkalpei 👏 pilna lidmašīna, bet visi smaidīgi un izpalīdzīgi',
        kinds: PUBLIC,
      },
      {
        text: 'Pirmo reizi lidoju ar @AuroraAir – precīzi laikā, ērti sēdekļi un jauka apkalpe. Noteikti lidošu vēl! ✨',
        kinds: PUBLIC,
      },
      { text: 'Jau stundu gaidām pie izejas uz reisu {flight}, un neviens neko nepaziņo. Kas notiek?' },
      { text: 'Lidostā ({city}) mana soma tā arī neparādījās uz lentes 😩 Reiss {flight}. Ko man tagad darīt?' },
      { text: 'Lietotnē nevaru reģistrēties reisam, visu laiku met kļūdu. Tas tikai man tā?' },
      { text: 'Vai varu bez maksas mainīt lidojuma datumu? Rezervācija {booking}', kinds: PRIVATE },
      { text: 'Cik jūdžu vajag atlīdzības biļetei (galamērķis – {city})? Mājaslapā neko neatradu' },
    ],
    followUps: [
      'Paldies, sanāca!',
      'Par manu somu joprojām nekādu ziņu',
      'Rezervācijas kodu aizsūtīju privātziņā',
      'Ir kādi jaunumi? Pagājušas jau divas dienas',
      'Lidostā man teica pavisam ko citu',
      'Super, paldies par ātro palīdzību 🙏',
      'Mēģināju vēlreiz, tā pati kļūda',
    ],
    subjects: [
      'Bojāts koferis pēc lidojuma',
      'Nav ieskaitītas Aurora Miles jūdzes',
      'Lidojums ar zīdaini – jautājumi',
      'Lidojuma datuma maiņa',
      'Grupas biļešu pieprasījums',
      'Pazudusi bagāža – joprojām nav atbildes',
    ],
  },
];

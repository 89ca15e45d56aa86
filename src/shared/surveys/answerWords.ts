// Words a customer may answer a satisfaction survey with, per language, on the CSAT scale
// (1 very bad … 5 excellent). Keys are folded (lower case, Latin accents removed) and compared
// with the whole reply once filler words are removed, so only short replies match.

export const CSAT_WORDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: {
    excellent: 5, great: 5, amazing: 5, perfect: 5, awesome: 5, fantastic: 5, 'very good': 5, 'very satisfied': 5, superb: 5, outstanding: 5, brilliant: 5,
    good: 4, 'pretty good': 4, satisfied: 4, nice: 4, 'not bad': 3,
    ok: 3, okay: 3, fine: 3, average: 3, 'so so': 3, meh: 3, neutral: 3, alright: 3,
    bad: 2, poor: 2, 'not good': 2, unsatisfied: 2, dissatisfied: 2, disappointing: 2,
    terrible: 1, awful: 1, horrible: 1, 'very bad': 1, 'very poor': 1, worst: 1, useless: 1, 'very dissatisfied': 1,
  },
  es: {
    excelente: 5, 'muy bien': 5, 'muy bueno': 5, 'muy buena': 5, perfecto: 5, genial: 5, buenisimo: 5, estupendo: 5, 'muy satisfecho': 5,
    bien: 4, bueno: 4, buena: 4, satisfecho: 4, 'no esta mal': 3,
    regular: 3, normal: 3, 'mas o menos': 3, 'ni bien ni mal': 3,
    mal: 2, malo: 2, mala: 2, 'no muy bien': 2, insatisfecho: 2,
    'muy mal': 1, 'muy malo': 1, 'muy mala': 1, pesimo: 1, pesima: 1, horrible: 1, fatal: 1, terrible: 1,
  },
  pt: {
    excelente: 5, otimo: 5, otima: 5, 'muito bom': 5, 'muito boa': 5, perfeito: 5, 'muito satisfeito': 5, maravilhoso: 5,
    bom: 4, boa: 4, satisfeito: 4, 'nada mal': 3,
    regular: 3, 'mais ou menos': 3, razoavel: 3, normal: 3,
    ruim: 2, mau: 2, ma: 2, insatisfeito: 2,
    'muito ruim': 1, pessimo: 1, pessima: 1, horrivel: 1, terrivel: 1,
  },
  fr: {
    excellent: 5, excellente: 5, 'tres bien': 5, 'tres bon': 5, parfait: 5, genial: 5, super: 5, 'tres satisfait': 5,
    bien: 4, bon: 4, bonne: 4, satisfait: 4, 'pas mal': 3,
    moyen: 3, correct: 3, 'bof': 3, 'comme ci comme ca': 3,
    mauvais: 2, mauvaise: 2, 'pas bien': 2, decevant: 2, insatisfait: 2,
    'tres mauvais': 1, 'tres mal': 1, nul: 1, nulle: 1, horrible: 1, catastrophique: 1,
  },
  de: {
    ausgezeichnet: 5, hervorragend: 5, 'sehr gut': 5, super: 5, perfekt: 5, klasse: 5, toll: 5, spitze: 5, 'sehr zufrieden': 5,
    gut: 4, zufrieden: 4, 'nicht schlecht': 3,
    ok: 3, okay: 3, 'geht so': 3, mittel: 3, durchschnittlich: 3, befriedigend: 3,
    schlecht: 2, 'nicht gut': 2, unzufrieden: 2, enttauschend: 2,
    'sehr schlecht': 1, furchtbar: 1, schrecklich: 1, miserabel: 1, katastrophal: 1,
  },
  lv: {
    izcili: 5, lieliski: 5, 'loti labi': 5, teicami: 5, perfekti: 5, 'loti apmierinats': 5,
    labi: 4, apmierinats: 4, 'nav slikti': 3,
    normali: 3, videji: 3, 'ta nekas': 3,
    slikti: 2, 'nav labi': 2, neapmierinats: 2,
    'loti slikti': 1, briesmigi: 1, sausmigi: 1,
  },
  ja: {
    最高: 5, 素晴らしい: 5, すばらしい: 5, とても良い: 5, とてもよい: 5, 大満足: 5, 完璧: 5,
    良い: 4, よい: 4, いい: 4, 良かった: 4, よかった: 4, 満足: 4,
    普通: 3, ふつう: 3, まあまあ: 3,
    悪い: 2, わるい: 2, 不満: 2, 良くない: 2, よくない: 2,
    最悪: 1, とても悪い: 1, ひどい: 1,
  },
  ar: {
    ممتاز: 5, ممتازة: 5, رائع: 5, رائعة: 5, 'جيد جدا': 5, ممتازه: 5,
    جيد: 4, جيدة: 4, كويس: 4, راض: 4, راضي: 4,
    مقبول: 3, عادي: 3, متوسط: 3,
    سيء: 2, سيئ: 2, سيئة: 2, 'غير راض': 2,
    'سيء جدا': 1, فظيع: 1, 'سيئ جدا': 1,
  },
};

/** Words that may surround an answer without saying anything more ("4 stars, thanks!"). */
export const FILLER_WORDS: readonly string[] = [
  // en
  'thanks', 'thank', 'you', 'thx', 'ty', 'i', 'id', 'would', 'say', 'give', 'it', 'a', 'an', 'my', 'rating', 'score', 'is', 'stars', 'star', 'points', 'point', 'out', 'of', 'definitely', 'probably', 'maybe', 'for', 'sure', 'overall', 'service', 'the', 'was', 'really', 'so', 'rate', 'answer', 'hi', 'hello', 'well', 'just',
  // es
  'gracias', 'muchas', 'le', 'doy', 'un', 'una', 'estrellas', 'estrella', 'puntos', 'de', 'sobre', 'mi', 'nota', 'el', 'servicio', 'fue', 'atencion', 'hola', 'pues', 'diria',
  // pt
  'obrigado', 'obrigada', 'obg', 'valeu', 'dou', 'estrelas', 'o', 'atendimento', 'foi', 'ola', 'em', 'daria',
  // fr
  'merci', 'beaucoup', 'je', 'donne', 'etoiles', 'etoile', 'sur', 'ma', 'c', 'est', 'etait', 'bonjour',
  // de
  'danke', 'vielen', 'dank', 'ich', 'gebe', 'sterne', 'stern', 'punkte', 'von', 'meine', 'bewertung', 'der', 'war', 'hallo', 'also', 'wurde', 'sagen',
  // lv
  'paldies', 'liels', 'zvaigznes', 'punkti', 'serviss', 'bija', 'sveiki', 'dodu',
  // ja
  'ありがとう', 'ありがとうございます', 'ありがとうございました', '点', 'です', 'でした', '星', 'つ', '中',
  // ar
  'شكرا', 'شكراً', 'من', 'نجوم', 'نجمة', 'الخدمة', 'كانت',
];

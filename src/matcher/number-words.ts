/**
 * Numbers written as words ("три дня", "үш күн", "three days", "пять тысяч"): to the matcher they
 * are what digits are. A number the FAQ writes still meets it ("первый класс" is no number here
 * anyway); one it does not write is part of the story ("нет интернета уже три дня"), not a word
 * of another topic that would make the question look out of scope, just as "3 дня" is read.
 * Cardinals only, as normalized (lowercase, ё as е); the Kazakh ones also as typed without
 * Kazakh letters where that spelling is no other word ("уш").
 */

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `
  один одна одно одного одной одну два две двух двум трех три трем тремя четыре четырех пять пяти
  шесть шести семь семи восемь восьми девять девяти десять десяти одиннадцать двенадцать
  пятнадцать двадцать двадцати тридцать тридцати сорок сорока пятьдесят сто ста двести триста
  пятьсот тысяча тысячи тысяч полтора полторы двое трое четверо пятеро
  бір екі үш уш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан
  жүз мың
  one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
  hundred thousand
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Whether a normalized word is a number written out. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

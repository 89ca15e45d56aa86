// Text from customers inside our own sentences (notification titles, tray, digests): wrapped in
// Unicode first-strong isolates (FSI ... PDI), so a right-to-left name or a stray override
// character in it cannot reorder the rest of the sentence. The UI does the same with <bdi>.

const FSI = '\u2068';
const PDI = '\u2069';

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

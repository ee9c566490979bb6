import { describe, expect, it } from 'vitest';
import { splitSnippet } from './snippet.ts';

describe('splitSnippet', () => {
  it('marks the part between « and »', () => {
    expect(splitSnippet('where is my «cake» now?')).toEqual([
      { text: 'where is my ', marked: false },
      { text: 'cake', marked: true },
      { text: ' now?', marked: false },
    ]);
  });

  it('marks every match, including one at the very start or end', () => {
    expect(splitSnippet('«birthday» cake for «Saturday»')).toEqual([
      { text: 'birthday', marked: true },
      { text: ' cake for ', marked: false },
      { text: 'Saturday', marked: true },
    ]);
  });

  it('keeps text without markers whole', () => {
    expect(splitSnippet('nothing marked here')).toEqual([{ text: 'nothing marked here', marked: false }]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('shows an unpaired marker as the character the customer typed', () => {
    expect(splitSnippet('he said «hello')).toEqual([{ text: 'he said «hello', marked: false }]);
    expect(splitSnippet('a » b «c»')).toEqual([
      { text: 'a » b ', marked: false },
      { text: 'c', marked: true },
    ]);
  });

  it('treats markup inside a snippet as text, never as HTML', () => {
    const parts = splitSnippet('<img src=x onerror=alert(1)> «<b>cake</b>»');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: '<b>cake</b>', marked: true },
    ]);
  });

  it('drops an empty match rather than rendering an empty highlight', () => {
    expect(splitSnippet('a «» b')).toEqual([{ text: 'a  b', marked: false }]);
  });
});

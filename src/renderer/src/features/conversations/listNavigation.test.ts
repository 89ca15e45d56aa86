import { describe, expect, it } from 'vitest';
import { anchorAt, neighbourId } from './listNavigation';

describe('neighbourId', () => {
  const ids = [10, 20, 30, 40];
  const at = (id: number, list = ids) => anchorAt(list, id);

  it('moves one row at a time and stops at the ends', () => {
    expect(neighbourId(ids, 20, at(20), 1)).toBe(30);
    expect(neighbourId(ids, 20, at(20), -1)).toBe(10);
    expect(neighbourId(ids, 40, at(40), 1)).toBeNull();
    expect(neighbourId(ids, 10, at(10), -1)).toBeNull();
  });

  it('starts at the top when nothing is selected, and follows a selection made elsewhere', () => {
    expect(neighbourId(ids, null, null, 1)).toBe(10);
    expect(neighbourId(ids, 99, null, -1)).toBe(10);
    expect(neighbourId(ids, 30, null, 1)).toBe(40);
    expect(anchorAt(ids, 99)).toBeNull();
  });

  it('goes to the row that was next when the open one moved down the list', () => {
    // 20 was answered and sorts last now.
    expect(neighbourId([10, 30, 40, 20], 20, at(20), 1)).toBe(30);
    expect(neighbourId([10, 30, 40, 20], 20, at(20), -1)).toBe(10);
  });

  it('is not thrown off by new rows above', () => {
    expect(neighbourId([5, 10, 20, 30, 40], 20, at(20), 1)).toBe(30);
    expect(neighbourId([5, 10, 20, 30, 40], 20, at(20), -1)).toBe(10);
  });

  it('continues from the old place when the open one and its neighbour left the list', () => {
    // 20 was resolved and 30 was taken by a teammate: the list is now [10, 40].
    expect(neighbourId([10, 40], 20, at(20), 1)).toBe(40);
    expect(neighbourId([10, 30, 40], 20, at(20), 1)).toBe(30);
    // 40 resolved while last; its previous neighbour gone too.
    expect(neighbourId([10], 40, at(40), 1)).toBe(10);
    expect(neighbourId([20], 20, { index: 1, prevId: 10, nextId: 30 }, 1)).toBeNull();
  });

  it('has nowhere to go in an empty list', () => {
    expect(neighbourId([], 1, null, 1)).toBeNull();
  });
});

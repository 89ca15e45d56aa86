import { describe, expect, it } from 'vitest';
import { parseSurveyAnswer } from '@shared/surveys/parseSurveyAnswer';
import { DEFAULT_SURVEY_QUESTIONS } from '@shared/surveys/surveySettings';
import { manualClock, T0 } from '../../../../../test/support/coreFixtures';
import { SimulatedPlatform } from './platform';
import { seededRandom } from './random';
import { simulatedSurveyAnswer } from './surveyAnswers';

describe('simulated survey answers', () => {
  it('answers the built-in questions in their language with something the parser reads', () => {
    const random = seededRandom(7);
    for (const mode of ['csat', 'nps'] as const) {
      for (const [language, question] of Object.entries(DEFAULT_SURVEY_QUESTIONS[mode])) {
        for (let i = 0; i < 12; i++) {
          const answer = simulatedSurveyAnswer(random, question)!;
          expect(parseSurveyAnswer(mode, answer, language), `${mode} ${language}: ${answer}`).not.toBeNull();
        }
      }
    }
    expect(simulatedSurveyAnswer(random, 'Thanks for waiting, your refund is on its way.')).toBeNull();
  });

  it('lets a customer answer a survey posted to them, in the feed, within half a minute', () => {
    const clock = manualClock(T0);
    const platform = new SimulatedPlatform({
      path: ':memory:',
      accounts: [{ id: 'acc', platform: 'x', kinds: ['mention'] }],
      clock,
      ratePerMinute: 0,
      backlog: 1,
      surveyAnswerChance: 1,
    });
    const before = platform.listSince('acc', 0, 100).items;
    const thread = before[0]!.conversationPlatformId;
    platform.post('acc', { idempotencyKey: 'k1', conversationPlatformId: thread, body: DEFAULT_SURVEY_QUESTIONS.csat.en });
    clock.advance(31_000);
    const after = platform.listSince('acc', before.at(-1)!.seq, 100).items;
    expect(after).toHaveLength(1);
    expect(parseSurveyAnswer('csat', after[0]!.body, 'en')).not.toBeNull();
    platform.close();
  });
});

import { describe, expect, it } from 'vitest';
import { AuthError, RateLimitError, TransientError } from '../connectors/connector';
import { HealthTracker } from './health';

describe('HealthTracker', () => {
  it('shows the worse of pulling and sending', () => {
    const health = new HealthTracker();
    health.failed('a', 'send', new TransientError('Cannot reach X'), 1000);
    expect(health.get('a')).toMatchObject({ health: 'offline', reason: 'Cannot reach X' });
    health.failed('a', 'pull', new AuthError('Token expired'), null);
    expect(health.get('a')).toMatchObject({ health: 'needs-auth', reason: 'Token expired' });
    health.ok('a', 'send');
    expect(health.get('a').health).toBe('needs-auth');
  });

  it('keeps a send rate limit when a pull succeeds', () => {
    const health = new HealthTracker();
    health.failed('a', 'send', new RateLimitError('Too many posts', 5000), 5000);
    health.ok('a', 'pull');
    expect(health.channel('a', 'send').blockedUntil).toBe(5000);
    expect(health.get('a')).toMatchObject({ health: 'degraded', blockedUntil: 5000 });
  });

  it('reports each change once, with its channel', () => {
    const health = new HealthTracker();
    const changes: string[] = [];
    health.onChange((c) => changes.push(`${c.channel}:${c.previous.health}->${c.state.health}`));
    health.ok('a', 'pull');
    health.failed('a', 'pull', new TransientError('down'), 10);
    health.failed('a', 'pull', new TransientError('down'), 10);
    health.ok('a', 'pull');
    expect(changes).toEqual(['pull:online->offline', 'pull:offline->online']);
  });
});

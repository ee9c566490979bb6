/** The clock is a port: commands and listeners take `now` from Services, tests set it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock a test moves by hand. */
export function manualClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let at = start.getTime();
  const clock = () => new Date(at);
  clock.set = (d: Date) => {
    at = d.getTime();
  };
  clock.advance = (ms: number) => {
    at += ms;
  };
  return clock;
}

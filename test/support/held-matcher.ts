/** A real matcher whose confidence is "still catching up" until the test releases it. */
import { LexicalMatcher } from '../../src/matcher/matcher';

export class HeldMatcher extends LexicalMatcher {
  release!: () => void;
  private readonly held = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  override whenCalibrated(): Promise<void> {
    return this.held.then(() => super.whenCalibrated());
  }
}

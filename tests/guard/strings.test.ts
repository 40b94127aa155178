import { describe, expect, it } from 'vitest';
import { uiLanguage } from '../../guard/strings';

describe('the guard’s language', () => {
  it('is Chinese first: whenever the browser accepts Chinese, and when it says nothing', () => {
    expect(uiLanguage(['zh-CN'])).toBe('zh');
    expect(uiLanguage(['en-US', 'zh-TW'])).toBe('zh');
    expect(uiLanguage([])).toBe('zh');
    expect(uiLanguage(['fr-FR'])).toBe('zh');
  });

  it('is English for a browser that asks for English and not Chinese', () => {
    expect(uiLanguage(['en-US', 'en'])).toBe('en');
  });
});

/**
 * The registry: every rule that ships in the extension, one line each, sorted by id.
 * tests/meta.test.ts keeps it in step with the files, tests and docs.
 */
import type { RuleModule } from './engine/define-rule';
import noAdAbsoluteTerm from './no-ad-absolute-term';
import noAdLikeParagraph from './no-ad-like-paragraph';
import noAdPromotion from './no-ad-promotion';
import noBankCard from './no-bank-card';
import noClassifiedMark from './no-classified-mark';
import noEmotionalLanguage from './no-emotional-language';
import noEmotionalParagraph from './no-emotional-paragraph';
import noIdNumber from './no-id-number';
import noImproperLegalTerm from './no-improper-legal-term';
import noImproperPoliticalTerm from './no-improper-political-term';
import noMobileNumber from './no-mobile-number';
import noOffMission from './no-off-mission';
import noPersonalOpinion from './no-personal-opinion';
import noShopLink from './no-shop-link';
import noStackedPunctuation from './no-stacked-punctuation';
import noTitleDistortion from './no-title-distortion';
import noTypo from './no-typo';
import noUnapprovedSource from './no-unapproved-source';
import requireSource from './require-source';

export const RULES: readonly RuleModule[] = [
  noAdAbsoluteTerm,
  noAdLikeParagraph,
  noAdPromotion,
  noBankCard,
  noClassifiedMark,
  noEmotionalLanguage,
  noEmotionalParagraph,
  noIdNumber,
  noImproperLegalTerm,
  noImproperPoliticalTerm,
  noMobileNumber,
  noOffMission,
  noPersonalOpinion,
  noShopLink,
  noStackedPunctuation,
  noTitleDistortion,
  noTypo,
  noUnapprovedSource,
  requireSource,
] as readonly RuleModule[];

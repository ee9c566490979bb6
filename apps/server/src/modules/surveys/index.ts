export { answerInWords, answerSurvey, openSurvey, presentSurvey, SurveyAnsweredAlready, SurveyExpired } from './answer.ts';
export { noteSurveyLink, type SurveyLinkDue, surveyLinkDue, surveyUrl } from './delivery.ts';
export { deliveryFor, inviteToSurvey, SURVEY_INVITATION_JOB } from './invite.ts';
export { askHowWeDid, surveyListeners } from './listeners.ts';
export { mayAskAgain, SURVEY_LINK_DAYS, surveyLanguage } from './quietDays.ts';
export { limitSurveys, SurveyTokenParams, surveyRoutes } from './routes.ts';
export { invitationOfToken, surveyToken } from './surveyToken.ts';

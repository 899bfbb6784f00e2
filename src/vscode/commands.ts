/** Every command id of the extension, listed once. */
export const Commands = {
  showVersion: 'awsMlStudy.showVersion',
  lookUpTerm: 'awsMlStudy.lookUpTerm',
  openNote: 'awsMlStudy.openNote',
  openGlossaryEntry: 'awsMlStudy.openGlossaryEntry',
  searchNotes: 'awsMlStudy.searchNotes',
  quickQuiz: 'awsMlStudy.quickQuiz',
  quizHere: 'awsMlStudy.quizHere',
  reviewFlashcards: 'awsMlStudy.reviewFlashcards',
  reviewHere: 'awsMlStudy.reviewHere',
  reviewTerm: 'awsMlStudy.reviewTerm',
  startMockExam: 'awsMlStudy.startMockExam',
  mockExamHere: 'awsMlStudy.mockExamHere',
  refreshNotes: 'awsMlStudy.refreshNotes',
  filterTree: 'awsMlStudy.filterTree',
  clearTreeFilter: 'awsMlStudy.clearTreeFilter',
  showSkippedNotes: 'awsMlStudy.showSkippedNotes',
} as const;

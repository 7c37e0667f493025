-- The worker's Bayesian-smoothed rating (评分, what search sorts by): the city's prior mean 4.60 worth 10 reviews
-- blended with the visible, non-default reviews, so one 5-star review does not outrank 300 at 4.9. Written by
-- reviews' refreshWorkerRating beside rating_avg / rating_count / rating_histogram (rules/reputation.ts).
alter table worker_profiles add column rating_score numeric(3, 2) not null default 4.60;
update worker_profiles set rating_score = round((4.60 * 10 + rating_avg * rating_count) / (10 + rating_count), 2);
